package dev.moeadvisor.web.ui.plan;

import dev.moeadvisor.envelope.EvidenceEnvelope;
import dev.moeadvisor.envelope.Outside;
import dev.moeadvisor.plan.Candidate;
import dev.moeadvisor.service.LossModelChoice;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;

import java.util.List;

/**
 * One planned shape as the plan pages show it.
 *
 * @param rank          1 for the recommendation, 2… for the alternatives, 0 for the dense baseline
 * @param role          {@code recommended}, {@code alternative} or {@code dense}
 * @param candidate     the planner's candidate
 * @param repeatsData   the shape repeats the unique data (epochs shown)
 * @param hasDenseLayer the shape has dense first layers (their FFN width shown)
 * @param outside       the axes on which it lies outside the plan's model's evidence, by the one rule of every
 *                      endpoint ({@link EvidenceEnvelope}, via {@link LossModelChoice#outside(Candidate, double)}):
 *                      the same list the API's {@code outside} carries for this shape
 */
public record CandidateView(int rank, String role, Candidate candidate, boolean repeatsData, boolean hasDenseLayer,
                            List<Outside> outside) {

    public CandidateView {
        outside = List.copyOf(outside);
    }

    static final String RECOMMENDED = "recommended";
    static final String ALTERNATIVE = "alternative";
    static final String DENSE = "dense";

    /** A planned shape at the plan's compute, checked against the evidence of the model it was ranked with. */
    static CandidateView of(int rank, String role, Candidate c, LossModelChoice model, double computeFlops) {
        return new CandidateView(rank, role, c, c.epochs() > 0, c.shape().denseFfnLayers() > 0,
                model.outside(c, computeFlops));
    }

    /**
     * The "extrapolated" pill and the CSV's {@code el_extrapolated}: true exactly when the shape lies outside the
     * model's evidence on some axis (as the API's {@code extrapolated}); not the plan core's EL-law rule.
     */
    public boolean extrapolated() {
        return !outside.isEmpty();
    }

    /** Where it lies outside, in words ("compute 17× above the largest run"); empty when inside everywhere. */
    public String outsideInWords() {
        return EvidenceEnvelope.words(outside);
    }

    /**
     * Whether the evaluate form can hold this shape: its inputs have no MLA, no interleaved MoE layers and no sliding
     * windows, so such a shape would be evaluated as another one; the page then offers the JSON API instead.
     */
    public boolean evaluable() {
        ModelShape s = candidate.shape();
        return s.mla() == null && s.hasSimpleLayout() && s.slidingWindow() == 0 && s.mtpModules() == 0;
    }

    /** This shape on the evaluate page, trained on its planned tokens. */
    public String evaluateUrl() {
        return dev.moeadvisor.web.ui.evaluate.EvaluateForm.of(candidate.shape(), candidate.tokens()).permalink();
    }

    public ModelShape shape() {
        return candidate.shape();
    }

    public ShapeMetrics metrics() {
        return candidate.metrics();
    }

    public boolean moe() {
        return candidate.isMoe();
    }

    public boolean recommended() {
        return RECOMMENDED.equals(role);
    }

    /** {@code E=64 k=4 +1 shared} or {@code dense}, for tables and chart labels. */
    public String experts() {
        ModelShape s = candidate.shape();
        if (!s.isMoe()) {
            return "dense";
        }
        return "E=" + s.experts() + " k=" + s.topK() + (s.sharedExperts() > 0 ? " +" + s.sharedExperts() + " shared" : "");
    }
}
