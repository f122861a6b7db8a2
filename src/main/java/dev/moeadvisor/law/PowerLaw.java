package dev.moeadvisor.law;

/** {@code y = coefficient · x^exponent}. */
public record PowerLaw(double coefficient, double exponent) {
    public double value(double x) {
        return coefficient * Math.pow(x, exponent);
    }
}
