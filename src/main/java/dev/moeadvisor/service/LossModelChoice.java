package dev.moeadvisor.service;

import dev.moeadvisor.envelope.Evidence;
import dev.moeadvisor.envelope.EvidenceEnvelope;
import dev.moeadvisor.plan.Candidate;
import dev.moeadvisor.envelope.Outside;
import dev.moeadvisor.law.MoeLossModel;

import dev.moeadvisor.law.family.LawFamilies;
import dev.moeadvisor.law.family.LingComposedLaw;
import dev.moeadvisor.law.family.MoeLawFamily;
import dev.moeadvisor.shape.ModelShape;

import java.util.List;
import java.util.Optional;

/**
 * A loss model the planner can rank with: published coefficients or a stored fit, with its bootstrap models
 * (empty for published coefficients, which come without intervals).
 *
 * @param id        {@code ling-2025}, {@code ling-2025-epoch}, {@code default} or a fit's id
 * @param label     what it is, for people
 * @param unit      the loss unit (nats of one corpus, or BPC)
 * @param model     the point estimate
 * @param bootstrap bootstrap refits, for intervals
 * @param evidence  the ranges its data covered (the evidence envelope); {@link Evidence#UNKNOWN} when not known
 * @param family    the id of the published law family ({@link LawFamilies}) the plan is ranked with, or {@code null}
 *                  when it is ranked with {@code model}; a family's {@code model} is its composed loss model when it
 *                  has one (Ling's EL law with a dense law), else {@code null}
 */
public record LossModelChoice(String id, String label, String unit, MoeLossModel model, List<MoeLossModel> bootstrap,
                              Evidence evidence, String family) {
    public LossModelChoice {
        bootstrap = List.copyOf(bootstrap);
        evidence = evidence == null ? Evidence.UNKNOWN : evidence;
    }

    /** A choice ranked with {@code model}. */
    public LossModelChoice(String id, String label, String unit, MoeLossModel model, List<MoeLossModel> bootstrap,
                           Evidence evidence) {
        this(id, label, unit, model, bootstrap, evidence, null);
    }

    /** A published law family as the model of plans: no bootstrap, its fitted ranges its evidence. */
    public static LossModelChoice of(MoeLawFamily law) {
        MoeLossModel composed = law instanceof LingComposedLaw ling ? ling.model() : null;
        return new LossModelChoice(law.id(), "Published: " + law.name() + " (" + law.citation().text() + ")",
                law.unit(), composed, List.of(), Evidence.UNKNOWN, law.id());
    }

    /** The law family plans are ranked with, when this choice is one. */
    public Optional<MoeLawFamily> law() {
        return family == null ? Optional.empty() : LawFamilies.byId(family);
    }

    /** A choice whose evidence is not known. */
    public LossModelChoice(String id, String label, String unit, MoeLossModel model, List<MoeLossModel> bootstrap) {
        this(id, label, unit, model, bootstrap, null);
    }

    /** Where a question lies outside this model's evidence (the one rule: {@link EvidenceEnvelope}). */
    public List<Outside> outside(EvidenceEnvelope.Query query) {
        return EvidenceEnvelope.outside(evidence, query);
    }

    /**
     * Where a shape at a compute lies outside a law family's fitted ranges ({@link LawFamilyPrediction#outside}, the
     * one rule), in the law's words; empty for a dense shape (the families' ranges describe MoE shapes) and for a
     * choice that is no family.
     */
    public List<Outside> outsideOfShape(ModelShape shape, double computeFlops) {
        return law().filter(l -> shape != null && shape.isMoe())
                .map(l -> LawFamilyPrediction.outside(l, l.point(shape, computeFlops))).orElse(List.of());
    }

    /**
     * Where a planned shape at a plan's compute lies outside this model's evidence: the same rule for the
     * recommendation, every alternative, the best MoE and the dense baseline of a plan.
     */
    public List<Outside> outside(Candidate c, double computeFlops) {
        Optional<MoeLawFamily> law = law();
        if (law.isPresent()) {
            return outsideOfShape(c.shape(), computeFlops);
        }
        return outside(EvidenceEnvelope.Query.ofShape(computeFlops, c.activeParams(), c.totalParams(), c.tokens(),
                c.epochs(), c.shape().isMoe(), c.activationRatio(), c.granularity()));
    }
}
