package dev.moeadvisor.service;

import dev.moeadvisor.envelope.Evidence;
import dev.moeadvisor.envelope.EvidenceEnvelope;
import dev.moeadvisor.plan.Candidate;
import dev.moeadvisor.envelope.Outside;
import dev.moeadvisor.law.MoeLossModel;

import java.util.List;

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
 */
public record LossModelChoice(String id, String label, String unit, MoeLossModel model, List<MoeLossModel> bootstrap,
                              Evidence evidence) {
    public LossModelChoice {
        bootstrap = List.copyOf(bootstrap);
        evidence = evidence == null ? Evidence.UNKNOWN : evidence;
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
     * Where a planned shape at a plan's compute lies outside this model's evidence: the same rule for the
     * recommendation, every alternative, the best MoE and the dense baseline of a plan.
     */
    public List<Outside> outside(Candidate c, double computeFlops) {
        return outside(EvidenceEnvelope.Query.ofShape(computeFlops, c.activeParams(), c.totalParams(), c.tokens(),
                c.epochs(), c.shape().isMoe(), c.activationRatio(), c.granularity()));
    }
}
