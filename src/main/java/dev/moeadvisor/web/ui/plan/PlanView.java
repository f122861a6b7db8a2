package dev.moeadvisor.web.ui.plan;

import dev.moeadvisor.web.ui.shared.GpuPlanView;
import dev.moeadvisor.web.ui.shared.NumberFormats;

import dev.moeadvisor.fit.Interval;
import dev.moeadvisor.law.ComputeOptimum;
import dev.moeadvisor.law.HyperParameters;
import dev.moeadvisor.plan.AllocationCheck;
import dev.moeadvisor.plan.BoundCheck;
import dev.moeadvisor.plan.DenseComparison;
import dev.moeadvisor.plan.PairedGap;
import dev.moeadvisor.plan.TrainingSchedule;
import dev.moeadvisor.plan.PlanRequest;
import dev.moeadvisor.plan.PlanResult;
import dev.moeadvisor.plan.PlanWarning;
import dev.moeadvisor.plan.Rejections;
import dev.moeadvisor.service.LossModelChoice;
import dev.moeadvisor.service.SavedPlan;
import io.quarkus.qute.RawString;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A saved plan as its page shows it: the service's {@link PlanResult} plus what the page decides beforehand (names,
 * flags, ratios, links).
 *
 * @param id              the plan's id
 * @param createdAt       when it was made, UTC
 * @param permalink       {@code /plans/{id}}
 * @param jsonUrl         the API's JSON of the plan
 * @param csvUrl          the CSV of the returned shapes
 * @param modelLabel      the loss model, in words
 * @param unit            the loss unit
 * @param bootstrapModels number of bootstrap models behind the intervals (0: no intervals)
 * @param request         the request planned
 * @param uniqueTokens    the unique tokens, or "ample"
 * @param recommended     the recommendation
 * @param lossInterval    95% interval of its predicted loss, or {@code null}
 * @param elInterval      95% interval of its EL, or {@code null}
 * @param binding         the binding constraint
 * @param warnings        what to check before trusting the plan
 * @param rationale       the planner's sentences
 * @param alternatives    the alternatives, best first
 * @param dense           the dense comparison, or {@code null} when no dense shape is feasible
 * @param moeOptimal      Ling's compute-optimal MoE allocation
 * @param denseOptimal    Ling's compute-optimal dense allocation
 * @param ling            Ling's learning rate and batch
 * @param step            Step Law's learning rate and batch
 * @param rejections      what the search rejected and why
 * @param chartData       the {@link PlanChartData} as JSON
 * @param moeRecommended  false when under the model MoE does not pay at this budget (the dense model is recommended)
 * @param bestMoe         the best MoE compared with dense (the recommendation unless dense is recommended)
 * @param moeVsDense      the paired MoE − dense difference, or {@code null} without bootstrap models or baseline
 * @param alternativeGaps per alternative (same order), its paired difference to the recommendation, or empty
 * @param rankStability   share of bootstrap models in which the recommendation's (E, k) stays best, or NaN
 * @param rankedCandidates how many returned shapes the rank stability compared
 * @param bounds          the search bounds the recommendation sits on
 * @param allocation      tokens against Ling's compute-optimal D
 * @param schedule        the one recommended learning rate, batch and steps
 * @param advisorVersion  the advisor version that computed the plan (shown as stored, never recomputed)
 * @param gpu             the plan on the user's GPUs, or {@code null} when the budget was given in FLOPs
 */
public record PlanView(long id, String createdAt, String permalink, String jsonUrl, String csvUrl, String modelLabel,
                       String unit, int bootstrapModels, PlanRequest request, String uniqueTokens,
                       CandidateView recommended, Interval lossInterval, Interval elInterval, Binding binding,
                       List<PlanWarning> warnings, List<String> rationale, List<CandidateView> alternatives,
                       DenseView dense, ComputeOptimum moeOptimal, ComputeOptimum denseOptimal, HyperParameters ling,
                       HyperParameters step, RejectionsView rejections, RawString chartData, boolean moeRecommended,
                       CandidateView bestMoe, GapView moeVsDense, List<GapView> alternativeGaps, double rankStability,
                       int rankedCandidates, List<BoundCheck> bounds, AllocationCheck allocation,
                       TrainingSchedule schedule, String advisorVersion, GpuPlanView gpu) {

    /**
     * A paired difference as the page shows it.
     *
     * @param gap               the planner's paired difference
     * @param indistinguishable its interval contains 0: the page says "indistinguishable", not "better"
     * @param recommendedBetter the whole interval favours the recommendation
     */
    public record GapView(PairedGap gap, boolean indistinguishable, boolean recommendedBetter) {
        static GapView of(PairedGap g) {
            return new GapView(g, g.indistinguishable(), PairedGap.BETTER.equals(g.verdict()));
        }
    }

    /** The paired difference of the {@code i}-th alternative (0-based), or {@code null} without bootstrap models. */
    public GapView alternativeGap(int i) {
        return i < alternativeGaps.size() ? alternativeGaps.get(i) : null;
    }

    /** True when the plan has paired bootstrap comparisons (a fit, not published coefficients). */
    public boolean hasRankStability() {
        return rankedCandidates > 0;
    }

    /** The factor beyond which tokens are called far from compute-optimal. */
    public double allocationFactor() {
        return AllocationCheck.FAR_FACTOR;
    }

    /** The compute-optimal counterpart of the recommendation, or {@code null} when none is shown. */
    public dev.moeadvisor.plan.Candidate computeOptimal() {
        return allocation.computeOptimal().orElse(null);
    }

    /** True when some search bound alone holds back a shape predicted better. */
    public boolean boundBinds() {
        return bounds.stream().anyMatch(BoundCheck::binding);
    }

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    /**
     * The binding constraint.
     *
     * @param binds       some constraint held back a shape predicted better than the recommendation
     * @param name        its short name ({@code memory cap})
     * @param description what it rejects
     * @param heldBack    how many better shapes it alone rejected
     * @param rejects     it is a per-shape constraint with {@code heldBack} rejections (false: a search bound, see
     *                    {@link #bounds()})
     */
    public record Binding(boolean binds, String name, String description, long heldBack, boolean rejects) {
    }

    /**
     * The dense baseline against the recommendation.
     *
     * @param baseline        the best dense shape under the same budget
     * @param lossInterval    95% interval of its loss, or {@code null}
     * @param lossGap         dense loss minus MoE loss
     * @param moeBetter       the MoE is predicted better (gap positive)
     * @param absGap          the gap's size
     * @param byEl            {@code EL·C}
     * @param byElFactor      {@code EL·C / C}
     * @param solved          least compute at which a dense shape of the same search matches the MoE
     * @param solvedFactor    {@code solved / C}
     * @param solvedReachable a dense shape reaches the MoE's loss within the scanned compute
     */
    public record DenseView(CandidateView baseline, Interval lossInterval, double lossGap, boolean moeBetter,
                            double absGap, double byEl, double byElFactor, double solved, double solvedFactor,
                            boolean solvedReachable) {
    }

    /**
     * Rejections per constraint.
     *
     * @param evaluated grid shapes evaluated
     * @param rejected  shapes failing at least one constraint
     * @param feasible  shapes satisfying every constraint
     * @param rows      one per constraint that rejected anything
     */
    public record RejectionsView(long evaluated, long rejected, long feasible, List<RejectionRow> rows) {
    }

    /**
     * One constraint's rejections.
     *
     * @param id          the constraint's stable id
     * @param name        its short name
     * @param description what it rejects
     * @param failing     shapes failing it
     * @param sole        shapes failing only it
     * @param better      of those, predicted better than the recommendation
     * @param binding     it is the binding constraint
     */
    public record RejectionRow(String id, String name, String description, long failing, long sole, long better,
                               boolean binding) {
    }

    /**
     * The recommendation, then the alternatives, then the dense baseline (if any), each checked against the evidence of
     * the model the plan was ranked with.
     */
    static List<CandidateView> candidates(SavedPlan saved) {
        PlanResult r = saved.result();
        LossModelChoice model = saved.model();
        double c = r.request().computeFlops();
        List<CandidateView> out = new ArrayList<>();
        out.add(CandidateView.of(1, CandidateView.RECOMMENDED, r.recommended(), model, c));
        IntStream.range(0, r.alternatives().size()).forEach(i -> out.add(
                CandidateView.of(i + 2, CandidateView.ALTERNATIVE, r.alternatives().get(i), model, c)));
        r.dense().ifPresent(d -> out.add(CandidateView.of(0, CandidateView.DENSE, d.baseline(), model, c)));
        return out;
    }

    static PlanView of(SavedPlan saved, List<CandidateView> candidates, RawString chartData) {
        PlanResult r = saved.result();
        PlanRequest q = r.request();
        double c = q.computeFlops();
        var u = r.uncertainty();
        DenseView dense = r.dense().map(d -> dense(d, c, candidates,
                u.flatMap(x -> x.denseLoss()).orElse(null))).orElse(null);
        String bindingId = r.bindingConstraint();
        boolean binds = !PlanResult.NO_BINDING_CONSTRAINT.equals(bindingId);
        long heldBack = r.rejections().betterByConstraint().getOrDefault(bindingId, 0L);
        Binding binding = new Binding(binds, PlanConstraints.name(bindingId), PlanConstraints.description(bindingId),
                heldBack, heldBack > 0);
        String path = "/plans/" + saved.id();
        return new PlanView(saved.id(), WHEN.format(saved.createdAt().atZoneSameInstant(ZoneOffset.UTC)), path,
                "/api/v1/plans/" + saved.id(), path + ".csv", saved.model().label(), saved.model().unit(),
                saved.model().bootstrap().size(), q,
                q.hasAmpleData() ? "ample" : NumberFormats.tokens(q.uniqueTokens()),
                candidates.get(0), u.map(x -> x.recommendedLoss()).orElse(null),
                u.map(x -> x.recommendedEl()).orElse(null), binding, r.warnings(), r.rationale(),
                candidates.stream().filter(x -> CandidateView.ALTERNATIVE.equals(x.role())).toList(), dense,
                r.moeOptimal(), r.denseOptimal(), r.lingHyperParameters(), r.stepHyperParameters(),
                rejections(r.rejections(), bindingId), chartData, r.moeRecommended(),
                CandidateView.of(0, CandidateView.ALTERNATIVE, r.bestMoe(), saved.model(), c),
                r.paired().flatMap(p -> p.moeMinusDense()).map(GapView::of).orElse(null),
                r.paired().map(p -> p.alternatives().stream().map(GapView::of).toList()).orElse(List.of()),
                r.paired().map(p -> p.rankStability()).orElse(Double.NaN),
                r.paired().map(p -> p.rankedCandidates()).orElse(0), r.searchBounds(), r.allocation(), r.schedule(),
                saved.advisorVersion(), r.hardware().map(h -> GpuPlanView.of(h, r.moeRecommended())).orElse(null));
    }

    private static DenseView dense(DenseComparison d, double c, List<CandidateView> candidates, Interval interval) {
        CandidateView baseline = candidates.stream().filter(x -> CandidateView.DENSE.equals(x.role())).findFirst()
                .orElseThrow();
        boolean reachable = Double.isFinite(d.computeToMatchSolved());
        return new DenseView(baseline, interval, d.lossGap(), d.lossGap() > 0, Math.abs(d.lossGap()),
                d.computeToMatchByEl(), d.computeToMatchByEl() / c, d.computeToMatchSolved(),
                reachable ? d.computeToMatchSolved() / c : Double.NaN, reachable);
    }

    private static RejectionsView rejections(Rejections r, String bindingId) {
        List<RejectionRow> rows = r.byConstraint().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new RejectionRow(e.getKey(), PlanConstraints.name(e.getKey()),
                        PlanConstraints.description(e.getKey()), e.getValue(),
                        r.soleByConstraint().getOrDefault(e.getKey(), 0L),
                        r.betterByConstraint().getOrDefault(e.getKey(), 0L), e.getKey().equals(bindingId)))
                .toList();
        return new RejectionsView(r.evaluated(), r.rejected(), r.feasible(), rows);
    }
}
