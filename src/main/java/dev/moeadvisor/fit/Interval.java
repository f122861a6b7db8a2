package dev.moeadvisor.fit;

/** A percentile interval {@code [lower, upper]} of a coefficient over the bootstrap fits. */
public record Interval(double lower, double upper) {

    public boolean contains(double x) {
        return x >= lower && x <= upper;
    }
}
