package dev.moeadvisor.fit;

/**
 * A Gaussian prior on one free coefficient, on the scale the fit uses for it ({@link FitParameter#logSpace()}):
 * for {@code α, β, a, d, γ, β_G} on the value itself; for the positive coefficients {@code E, A_N, B_D, A_start,
 * A_max} on its natural logarithm, so {@code sd} is then a relative width (0.1 ≈ ±10%) while {@code mean} is still
 * given as the coefficient's value. The fit adds {@code δ²·½·z²}, {@code z = (x − x̄)/sd}, to its objective
 * ({@link HuberObjective}).
 *
 * @param mean the prior's centre, as the coefficient's value (positive for a log-space coefficient)
 * @param sd   the prior's standard deviation on the fit's scale, positive and finite
 */
public record Prior(double mean, double sd) {

    public Prior {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("a prior's mean must be a finite number");
        }
        if (!(sd > 0) || !Double.isFinite(sd)) {
            throw new IllegalArgumentException("a prior's sd must be a positive finite number");
        }
    }

    /** The prior's centre in the optimiser's coordinates of {@code p}. */
    double internalMean(FitParameter p) {
        return p.toInternal(mean);
    }
}
