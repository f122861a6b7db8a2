package dev.moeadvisor.law;

import java.util.Arrays;

/**
 * The unified Efficiency Leverage law of Ling (arXiv 2507.17702, Eq. 13, coefficients Table 2).
 *
 * <pre>
 *   EL(A, G, C) = Â ^ (α + γ·(log₂ G)² + β·log₂ G),        α = a + d·log₁₀ C
 *   1/Â = 1/(A + (1/A_start − 1/A_max)⁻¹) + 1/A_max
 * </pre>
 *
 * {@code EL = C_dense / C_moe} at equal loss (Eq. 1, 5): EL &gt; 1 means the MoE reaches the loss with less compute.
 * {@code A} is Ling's activation ratio {@code (k+s)/(E+s)}, {@code G = 2·d_model/d_expert}, {@code C} training FLOPs.
 *
 * <p>The paper does not state log bases; {@code log₁₀ C} with {@code log₂ G} is the only reading that reproduces
 * its own claims (EL(0.031, 12, 1e22) ≈ 7.24, optimum G ≈ 8–12). Table 2 prints {@code d} negative; that sign is
 * the one that makes EL grow with compute and is used as printed.
 *
 * @param a        intercept of α
 * @param d        slope of α in {@code log₁₀ C}
 * @param gamma    curvature in {@code log₂ G}
 * @param beta     slope in {@code log₂ G}
 * @param aStart   saturation onset of Â
 * @param aMax     upper saturation of Â
 * @param citation where the coefficients come from
 * @param range    the ranges of compute, activation ratio and granularity they were fitted on
 */
public record EfficiencyLeverageLaw(double a, double d, double gamma, double beta, double aStart, double aMax,
                                    Citation citation, ElRange range) {

    /** Fit ranges of an EL law: compute in FLOPs, Ling's activation ratio, granularity. */
    public record ElRange(Range compute, Range activation, Range granularity) {
        public boolean contains(double activationRatio, double granularity, double computeFlops) {
            return compute.contains(computeFlops) && activation.contains(activationRatio)
                    && this.granularity.contains(granularity);
        }
    }

    /** Ling Table 2, fitted on C ∈ [1e18, 6e20] FLOPs, A ∈ [0.8%, 100%], G ∈ [2, 16]. */
    public static final EfficiencyLeverageLaw LING_2025 = new EfficiencyLeverageLaw(1.23, -7.61e-2, 1.67e-2,
            -1.17e-1, 1.63e-2, 5.28e16, Citation.LING.at("Eq. 13, Table 2"),
            new ElRange(new Range(1e18, 6e20), new Range(1.0 / 128, 1.0), new Range(2, 16)));

    /** α(C) = a + d·log₁₀ C. */
    public double alpha(double computeFlops) {
        return a + d * Math.log10(computeFlops);
    }

    /** Â, the saturating transform of A. */
    public double saturatedActivation(double activationRatio) {
        double inner = 1.0 / (1.0 / aStart - 1.0 / aMax);
        return 1.0 / (1.0 / (activationRatio + inner) + 1.0 / aMax);
    }

    /** The exponent {@code α + γ·(log₂ G)² + β·log₂ G}. */
    public double exponent(double granularity, double computeFlops) {
        double lg = Math.log(granularity) / Math.log(2);
        return alpha(computeFlops) + gamma * lg * lg + beta * lg;
    }

    /**
     * EL at activation ratio {@code A}, granularity {@code G} and compute {@code C}. A dense model (no
     * granularity, {@code G = NaN}) has EL = 1 by definition.
     */
    public double value(double activationRatio, double granularity, double computeFlops) {
        if (Double.isNaN(granularity)) {
            return 1.0;
        }
        return value(saturatedActivation(activationRatio), exponent(granularity, computeFlops));
    }

    /**
     * EL from its two factors, {@code Â ^ exponent}: what {@link #value(double, double, double)} computes from
     * {@link #saturatedActivation} and {@link #exponent}, for callers that reuse either across many shapes.
     */
    public static double value(double saturatedActivation, double exponent) {
        return Math.pow(saturatedActivation, exponent);
    }

    /** True when (A, G, C) lies outside the ranges the coefficients were fitted on. */
    public boolean extrapolates(double activationRatio, double granularity, double computeFlops) {
        if (Double.isNaN(granularity)) {
            return false;
        }
        return !range.contains(activationRatio, granularity, computeFlops);
    }

    /** A copy with other values of the two compute-dependent coefficients (what a fit frees by default). */
    public EfficiencyLeverageLaw withIntercepts(double newA, double newD, Citation newCitation) {
        return new EfficiencyLeverageLaw(newA, newD, gamma, beta, aStart, aMax, newCitation, range);
    }

    /**
     * EL and its partial derivatives with respect to the six coefficients. {@code gradientOut} (length ≥ 6)
     * receives {@code ∂EL/∂a, ∂EL/∂d, ∂EL/∂γ, ∂EL/∂β, ∂EL/∂A_start, ∂EL/∂A_max}; all zero for a dense model.
     *
     * @return {@link #value(double, double, double)}
     */
    public double valueAndGradient(double activationRatio, double granularity, double computeFlops,
                                   double[] gradientOut) {
        if (Double.isNaN(granularity)) {
            Arrays.fill(gradientOut, 0, 6, 0.0);
            return 1.0;
        }
        double inner = 1.0 / (1.0 / aStart - 1.0 / aMax);
        double shifted = activationRatio + inner;
        double saturated = saturatedActivation(activationRatio);
        double lg = Math.log(granularity) / Math.log(2);
        double log10C = Math.log10(computeFlops);
        double exponent = exponent(granularity, computeFlops);
        double value = Math.pow(saturated, exponent);
        double dValueDExponent = value * Math.log(saturated);
        double dValueDSaturated = exponent * value / saturated;
        // Â = 1/(1/(A + c) + 1/A_max), c = 1/(1/A_start − 1/A_max)
        double dSaturatedDInner = saturated * saturated / (shifted * shifted);
        double dInnerDStart = inner * inner / (aStart * aStart);
        double dInnerDMax = -inner * inner / (aMax * aMax);
        double dSaturatedDMax = saturated * saturated / (aMax * aMax);
        gradientOut[0] = dValueDExponent;
        gradientOut[1] = dValueDExponent * log10C;
        gradientOut[2] = dValueDExponent * lg * lg;
        gradientOut[3] = dValueDExponent * lg;
        gradientOut[4] = dValueDSaturated * dSaturatedDInner * dInnerDStart;
        gradientOut[5] = dValueDSaturated * (dSaturatedDInner * dInnerDMax + dSaturatedDMax);
        return value;
    }
}
