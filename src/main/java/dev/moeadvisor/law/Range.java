package dev.moeadvisor.law;

/** A closed interval {@code [min, max]} a law was fitted on; either end may be infinite. */
public record Range(double min, double max) {

    public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public boolean contains(double x) {
        return x >= min && x <= max;
    }
}
