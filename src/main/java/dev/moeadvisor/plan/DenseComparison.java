package dev.moeadvisor.plan;

/**
 * The best dense shape under the same budget and constraints, against the recommended MoE.
 *
 * @param baseline             the dense shape
 * @param lossGap              dense loss minus MoE loss (positive: the MoE is predicted better)
 * @param computeToMatchByEl   {@code EL·C}: the dense compute of equal loss by Ling's definition of EL
 *                             (arXiv 2507.17702, Eq. 1), which assumes compute-optimal allocation on both sides
 * @param computeToMatchSolved the least compute at which the best dense shape of the same search (same unique data,
 *                             memory cap, fixed size and epochs limit) reaches the MoE's predicted loss: a
 *                             half-octave scan refined by bisection; {@code NaN} when no compute up to
 *                             {@code 1e4·C} reaches it
 */
public record DenseComparison(Candidate baseline, double lossGap, double computeToMatchByEl,
                              double computeToMatchSolved) {
}
