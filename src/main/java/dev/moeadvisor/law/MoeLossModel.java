package dev.moeadvisor.law;

import java.util.List;

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
        return lossAtLeverage(el.value(activationRatio, granularity, computeFlops), activeParams, tokens, uniqueTokens);
    }

    /**
     * {@link #loss} with the efficiency leverage already evaluated ({@code leverage = EL(A, G, C)}, 1 for dense):
     * {@code L_dense(leverage · N_active, D_eff)}. For a search that shares one EL among the many shapes of the same
     * (A, G) and compute; the same arithmetic as {@link #loss}, so the same value to the last bit.
     */
    public double lossAtLeverage(double leverage, double activeParams, double tokens, double uniqueTokens) {
        return lossWithDataTerm(leverage, activeParams, dataTerm(tokens, uniqueTokens));
    }

    /** The data term of {@link #lossAtLeverage}: {@link DenseLossLaw#dataTerm} at {@code D_eff(tokens)}. */
    public double dataTerm(double tokens, double uniqueTokens) {
        return dense.dataTerm(DataRepetition.effectiveTokens(tokens, uniqueTokens, rStar));
    }

    /**
     * {@link #lossAtLeverage} with its {@link #dataTerm} given (the same value to the last bit): for a search that
     * bounds the losses of many shapes with one data term.
     */
    public double lossWithDataTerm(double leverage, double activeParams, double dataTerm) {
        return dense.lossWithDataTerm(leverage * activeParams, dataTerm);
    }

    /**
     * Names of the eleven coefficients, in the order {@link #lossAndGradient} fills its gradient: the dense
     * law's {@code E, A_N, B_D, α, β}, then the EL law's {@code a, d, γ, β_G, A_start, A_max}.
     */
    public static final List<String> COEFFICIENTS =
            List.of("E", "A_N", "B_D", "alpha", "beta", "a", "d", "gamma", "betaG", "aStart", "aMax");

    /**
     * {@link #loss} and its partial derivatives with respect to the eleven {@link #COEFFICIENTS}
     * ({@code gradientOut.length ≥ 11}), composed from {@link DenseLossLaw#lossAndGradient} and
     * {@link EfficiencyLeverageLaw#valueAndGradient} by the chain rule through {@code EL · N_active}.
     */
    public double lossAndGradient(double activeParams, double tokens, double uniqueTokens, double activationRatio,
                                  double granularity, double computeFlops, double[] gradientOut) {
        double[] elGradient = new double[6];
        double leverage = el.valueAndGradient(activationRatio, granularity, computeFlops, elGradient);
        double loss = dense.lossAndGradient(leverage * activeParams,
                DataRepetition.effectiveTokens(tokens, uniqueTokens, rStar), gradientOut);
        double dLossDLeverage = gradientOut[5] * activeParams;
        for (int i = 0; i < 6; i++) {
            gradientOut[5 + i] = dLossDLeverage * elGradient[i];
        }
        return loss;
    }
}
