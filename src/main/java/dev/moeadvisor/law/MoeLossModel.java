package dev.moeadvisor.law;

/**
 * The loss of an MoE model as a dense model whose size is multiplied by its efficiency leverage, with
 * repeated data discounted:
 *
 * <pre>
 *   L_moe(N_active, D; A, G, C) = L_dense(EL(A, G, C) · N_active, D_eff)
 * </pre>
 *
 * {@code L_dense} is the Chinchilla form ({@link DenseLossLaw}), {@code EL} the Ling law (arXiv 2507.17702,
 * Eq. 13; following its §3, at fixed data EL is the ratio of dense to MoE model scale) and {@code D_eff} the
 * Muennighoff repetition (arXiv 2305.16264, Eq. 5). A dense model has EL = 1. This is the single definition
 * used by the fitter, the planner and the pages.
 *
 * @param dense the dense law
 * @param el    the EL law
 * @param rStar Muennighoff's R*
 */
public record MoeLossModel(DenseLossLaw dense, EfficiencyLeverageLaw el, double rStar) {

    public MoeLossModel(DenseLossLaw dense, EfficiencyLeverageLaw el) {
        this(dense, el, DataRepetition.R_STAR);
    }

    /**
     * Predicted loss.
     *
     * @param activeParams    non-embedding active parameters
     * @param tokens          tokens consumed
     * @param uniqueTokens    unique tokens available ({@code ≤ 0} or NaN: unlimited)
     * @param activationRatio Ling's A (1 for dense)
     * @param granularity     G ({@code NaN} for dense)
     * @param computeFlops    training compute
     */
    public double loss(double activeParams, double tokens, double uniqueTokens, double activationRatio,
                       double granularity, double computeFlops) {
        double leverage = el.value(activationRatio, granularity, computeFlops);
        return dense.loss(leverage * activeParams, DataRepetition.effectiveTokens(tokens, uniqueTokens, rStar));
    }
}
