package dev.moeadvisor.law.family;

import dev.moeadvisor.law.DenseLossLaw;

/**
 * The compute-optimal allocation of a Chinchilla-form law {@code L(N, D) = E + A/N^α + B/D^β} under the FLOP model
 * {@code C = 6·N·D}, in closed form (Hoffmann et al., arXiv 2203.15556, Eq. 4; the same reduction Ludziejewski et
 * al., arXiv 2502.05172, use in Eq. 7):
 *
 * <pre>
 *   N_opt(C) = K·(C/6)^a,  D_opt(C) = K⁻¹·(C/6)^b,   K = (α·A/(β·B))^(1/(α+β)),  a = β/(α+β),  b = α/(α+β)
 *   L_opt(C) = E + (A·K^−α + B·K^β)·(C/6)^−(α·β/(α+β))
 * </pre>
 *
 * {@code L_opt} falls strictly with {@code C} towards {@code E}, so the compute a compute-optimal dense model needs to
 * reach a loss {@code L > E} is its exact inverse, {@link #computeForLoss}: no numerical solve is needed.
 */
public final class ChinchillaOptimum {

    private ChinchillaOptimum() {
    }

    /** {@code K = (α·A/(β·B))^(1/(α+β))}. */
    private static double k(DenseLossLaw law) {
        return Math.pow(law.alpha() * law.aN() / (law.beta() * law.bD()), 1.0 / (law.alpha() + law.beta()));
    }

    /** Compute-optimal parameters at {@code C = 6·N·D}. */
    public static double params(DenseLossLaw law, double computeFlops) {
        return k(law) * Math.pow(computeFlops / 6.0, law.beta() / (law.alpha() + law.beta()));
    }

    /** Compute-optimal tokens at {@code C = 6·N·D}. */
    public static double tokens(DenseLossLaw law, double computeFlops) {
        return computeFlops / (6.0 * params(law, computeFlops));
    }

    /** The loss of the compute-optimal model at {@code C}. */
    public static double loss(DenseLossLaw law, double computeFlops) {
        return law.loss(params(law, computeFlops), tokens(law, computeFlops));
    }

    /**
     * The least compute at which the compute-optimal model reaches {@code targetLoss}: the inverse of {@link #loss}.
     * {@code +∞} when the target is at or below the irreducible loss {@code E} (no dense model reaches it).
     */
    public static double computeForLoss(DenseLossLaw law, double targetLoss) {
        double excess = targetLoss - law.e();
        if (!(excess > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double kk = k(law);
        double scale = law.aN() * Math.pow(kk, -law.alpha()) + law.bD() * Math.pow(kk, law.beta());
        double exponent = law.alpha() * law.beta() / (law.alpha() + law.beta());
        return 6.0 * Math.pow(excess / scale, -1.0 / exponent);
    }
}
