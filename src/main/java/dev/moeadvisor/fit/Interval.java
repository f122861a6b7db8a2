package dev.moeadvisor.fit;

import org.hipparchus.stat.descriptive.rank.Percentile;

/**
 * A 95% percentile interval {@code [lower, upper]} over bootstrap values: the 2.5th and 97.5th percentiles,
 * linearly interpolated between order statistics (Hipparchus' {@code R_7} estimator, the default of R and NumPy).
 * Used for coefficients by the fitter and for predictions by the planner and the prediction service.
 */
public record Interval(double lower, double upper) {

    public static final double LOWER_PERCENTILE = 2.5;
    public static final double UPPER_PERCENTILE = 97.5;

    /** The 2.5/97.5 percentile interval of {@code values} (at least one). */
    public static Interval ofBootstrap(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        p.setData(values);
        return new Interval(p.evaluate(LOWER_PERCENTILE), p.evaluate(UPPER_PERCENTILE));
    }

    /** Percentile {@code q} (0–100) of {@code values}, same estimator. */
    public static double percentile(double[] values, double q) {
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(values, q);
    }

    public boolean contains(double x) {
        return x >= lower && x <= upper;
    }
}
