package dev.moeadvisor.plan;

import dev.moeadvisor.law.HyperParameterLaws;
import dev.moeadvisor.law.HyperParameters;

/**
 * One learning rate and batch for a shape, from one of the two published laws, with the other as a cross-check.
 *
 * <p>Rule: the law whose fitted range covers this shape and budget is chosen (Ling Eq. 3: C in 1e18–6e20 FLOPs;
 * Step Law: N 60M–1.1B non-embedding parameters and D 1B–110B tokens); when both or neither do, the law fitted on the
 * shape's kind is chosen — Ling's (arXiv 2507.17702, Eq. 3), fitted on MoE models, for an MoE, and Step Law's
 * (arXiv 2503.04715), fitted on dense models, for a dense shape. The batch in sequences is
 * {@code max(1, round(batch tokens / seqLen))} at the request's sequence length; optimizer steps
 * {@code ceil(D / (sequences · seqLen))}.
 *
 * @param chosen          the law used
 * @param crossCheck      the other law, for comparison
 * @param reason          why {@code chosen} was preferred
 * @param seqLen          sequence length of the batch
 * @param batchSequences  batch size in sequences
 * @param batchTokens     {@code batchSequences · seqLen}
 * @param steps           optimizer steps to consume the shape's training tokens
 */
public record TrainingSchedule(HyperParameters chosen, HyperParameters crossCheck, String reason, int seqLen,
                               long batchSequences, double batchTokens, long steps) {

    public double learningRate() {
        return chosen.learningRate();
    }

    /** The schedule of {@code c} under the request's compute and sequence length. */
    public static TrainingSchedule of(Candidate c, PlanRequest request) {
        return of(c.isMoe(), HyperParameterLaws.ling(request.computeFlops()),
                HyperParameterLaws.step(c.activeParams(), c.tokens()), c.tokens(), request.seqLen());
    }

    static TrainingSchedule of(boolean moe, HyperParameters ling, HyperParameters step, double tokens, int seqLen) {
        boolean lingIn = !ling.extrapolated();
        boolean stepIn = !step.extrapolated();
        HyperParameters chosen;
        String reason;
        if (lingIn != stepIn) {
            chosen = lingIn ? ling : step;
            reason = (lingIn ? "Ling's law (arXiv 2507.17702, Eq. 3)" : "Step Law (arXiv 2503.04715)")
                    + " is used inside its fitted range here; the other is not";
        } else {
            chosen = moe ? ling : step;
            reason = (moe ? "Ling's law (arXiv 2507.17702, Eq. 3) was fitted on MoE models"
                    : "Step Law (arXiv 2503.04715) was fitted on dense models")
                    + (lingIn ? "; both laws are inside their fitted ranges here"
                    : "; both laws are extrapolated here, so the one fitted on this kind of model is preferred");
        }
        HyperParameters other = chosen == ling ? step : ling;
        long sequences = Math.max(1, Math.round(chosen.batchTokens() / seqLen));
        double batchTokens = (double) sequences * seqLen;
        long steps = (long) Math.ceil(tokens / batchTokens - 1e-9);
        return new TrainingSchedule(chosen, other, reason, seqLen, sequences, batchTokens, steps);
    }
}
