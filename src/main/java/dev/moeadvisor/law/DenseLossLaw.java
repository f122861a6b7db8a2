package dev.moeadvisor.law;

/**
 * The Chinchilla form of the loss of a dense model with {@code N} parameters trained on {@code D} tokens
 * (Hoffmann et al., arXiv 2203.15556, Eq. 2):
 *
 * <pre>  L(N, D) = E + A_N / N^α + B_D / D^β</pre>
 *
 * @param e        irreducible loss
 * @param aN       model-size coefficient
 * @param bD       data coefficient
 * @param alpha    model-size exponent
 * @param beta     data exponent
 * @param id       stable id
 * @param unit     the loss unit the coefficients belong to (nats of one corpus, or BPC)
 * @param citation source
 */
public record DenseLossLaw(double e, double aN, double bD, double alpha, double beta, String id, String unit,
                           Citation citation) {

    /** Hoffmann et al. (arXiv 2203.15556), §3.3 approach 3: E 1.69, A 406.4, B 410.7, α 0.34, β 0.28 (nats). */
    public static final DenseLossLaw CHINCHILLA = new DenseLossLaw(1.69, 406.4, 410.7, 0.34, 0.28,
            "chinchilla-2022", "nats (MassiveText)", Citation.CHINCHILLA.at("§3.3, approach 3"));
    /** Besiroglu et al. (arXiv 2404.10102), replicated approach-3 fit: E 1.8172, A 482.01, B 2085.43, α 0.3478, β 0.3658 (nats). */
    public static final DenseLossLaw EPOCH = new DenseLossLaw(1.8172, 482.01, 2085.43, 0.3478, 0.3658,
            "epoch-2024", "nats (MassiveText)", Citation.EPOCH.at("replicated approach-3 fit"));

    /** L(N, D) for {@code D} effective tokens. */
    public double loss(double params, double effectiveTokens) {
        return lossWithDataTerm(params, dataTerm(effectiveTokens));
    }

    /** The data term {@code B_D / D^β} of {@link #loss} for {@code D} effective tokens. */
    public double dataTerm(double effectiveTokens) {
        return bD / Math.pow(effectiveTokens, beta);
    }

    /**
     * {@link #loss} with its {@link #dataTerm} given, {@code E + A_N / N^α + dataTerm}: the same arithmetic, so the
     * same value to the last bit, for a search that shares one data term among many sizes.
     */
    public double lossWithDataTerm(double params, double dataTerm) {
        return e + aN / Math.pow(params, alpha) + dataTerm;
    }

    /**
     * The loss and its partial derivatives, for a fit that needs them. {@code gradientOut} (length ≥ 6) receives
     * {@code ∂L/∂E, ∂L/∂A_N, ∂L/∂B_D, ∂L/∂α, ∂L/∂β, ∂L/∂N} in that order.
     *
     * @return {@link #loss(double, double)}
     */
    public double lossAndGradient(double params, double effectiveTokens, double[] gradientOut) {
        double paramsPower = Math.pow(params, alpha);
        double tokensPower = Math.pow(effectiveTokens, beta);
        double modelTerm = aN / paramsPower;
        double dataTerm = bD / tokensPower;
        gradientOut[0] = 1.0;
        gradientOut[1] = 1.0 / paramsPower;
        gradientOut[2] = 1.0 / tokensPower;
        gradientOut[3] = -modelTerm * Math.log(params);
        gradientOut[4] = -dataTerm * Math.log(effectiveTokens);
        gradientOut[5] = -alpha * modelTerm / params;
        return e + modelTerm + dataTerm;
    }
}
