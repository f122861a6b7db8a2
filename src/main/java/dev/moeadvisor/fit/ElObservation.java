package dev.moeadvisor.fit;

import dev.moeadvisor.runs.RunKind;
import dev.moeadvisor.runs.TrainingRun;

import java.util.ArrayList;
import java.util.List;

/**
 * An efficiency leverage measured by another lab: what a matched-loss MoE-vs-dense pair says, and all it says.
 *
 * <p>Under the composed loss model an MoE with {@code N_moe} active parameters is a dense model of
 * {@code EL·N_moe} (Ling, arXiv 2507.17702 §3). Two runs on the same tokens that reach the same loss therefore
 * satisfy {@code EL(A, G, C_moe)·N_moe = N_dense}, whatever that source's dense coefficients (E, A_N, B_D, in
 * its own loss unit) are: they cancel, so the pair enters a joint fit as one observation of EL, never as a loss
 * level mixed into another data set's unit.
 *
 * <p>In the objective it counts as the run it is: its residual on the log-loss scale is
 * {@code r = s·(ln EL_pred − ln EL_obs)}, {@code s = |d ln L/d ln N|} at the pair's scale, Huber-weighted like every
 * run's ({@link ElObservationRows}).
 *
 * @param source          the data set it comes from
 * @param runId           the MoE run
 * @param activationRatio Ling's A of the MoE run
 * @param granularity     its G
 * @param computeFlops    its training compute
 * @param leverage        the observed EL ({@code N_dense/N_moe})
 * @param lossSlope       {@code s = |d ln L / d ln N|} at the pair's scale: how far the MoE's log loss moves per
 *                        unit of {@code ln EL}
 */
public record ElObservation(String source, String runId, double activationRatio, double granularity,
                            double computeFlops, double leverage, double lossSlope) {

    /**
     * {@code |d ln L / d ln N|} for Ling's pair (6.1B dense, 1T tokens): the source's own dense law is not published,
     * so Chinchilla's (arXiv 2203.15556: E 1.69, A 406.4, B 410.7, α 0.34, β 0.28) gives
     * {@code α·(A/N^α)/L = 0.34 · 0.193 / 2.06 = 0.032}. A loss gap of 0.01 nats (the paper's "matched") is then
     * 0.15 in ln EL.
     */
    public static final double LING_PAIR_LOSS_SLOPE = 0.032;
    /** Relative agreement of two runs' tokens, and of their values, for them to count as a matched pair. */
    static final double MATCH_TOLERANCE = 1e-3;

    public ElObservation {
        if (!(leverage > 0) || !Double.isFinite(leverage) || !(lossSlope > 0) || !Double.isFinite(lossSlope)) {
            throw new IllegalArgumentException("an EL observation needs a positive leverage and loss slope");
        }
        if (!(computeFlops > 0) || !(activationRatio > 0 && activationRatio <= 1) || !(granularity > 0)) {
            throw new IllegalArgumentException("an EL observation needs a positive compute, A in (0, 1] and G > 0");
        }
    }

    /**
     * The EL observations of a data set: each MoE run paired with a dense run on the same tokens whose value equals
     * its own (a matched pair); empty when the data set has none. The loss slope is {@link #LING_PAIR_LOSS_SLOPE}
     * (the only such source bundled; a pair at another scale would need its own).
     */
    public static List<ElObservation> fromMatchedPairs(String source, List<TrainingRun> runs) {
        List<ElObservation> out = new ArrayList<>();
        for (TrainingRun moe : runs) {
            if (moe.kind() != RunKind.MOE || !moe.hasTokens()) {
                continue;
            }
            for (TrainingRun dense : runs) {
                if (dense.kind() == RunKind.DENSE && dense.hasTokens() && dense.metric().equals(moe.metric())
                        && close(dense.tokens(), moe.tokens()) && close(dense.value(), moe.value())) {
                    out.add(new ElObservation(source, moe.runId(), moe.activationRatio(), moe.granularity(),
                            moe.effectiveCompute(), dense.activeParams() / moe.activeParams(), LING_PAIR_LOSS_SLOPE));
                    break;
                }
            }
        }
        return out;
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= MATCH_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }
}
