package dev.moeadvisor.plan;

import java.util.Arrays;

/**
 * A percentile interval of bootstrap predictions.
 *
 * @param low  the 2.5th percentile
 * @param high the 97.5th percentile
 */
public record Interval(double low, double high) {

    public static final double LOW_PERCENTILE = 2.5;
    public static final double HIGH_PERCENTILE = 97.5;

    /** The 2.5/97.5 percentile interval of {@code values} (linear interpolation between order statistics). */
    static Interval of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Interval(percentile(sorted, LOW_PERCENTILE), percentile(sorted, HIGH_PERCENTILE));
    }

    /** Percentile {@code p} (0–100) of ascending {@code sorted}: position {@code p/100·(n−1)}, interpolated. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double pos = p / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    public boolean contains(double x) {
        return x >= low && x <= high;
    }
}
