package dev.moeadvisor.law;

/** A closed interval {@code [min, max]} a law was fitted on; either end may be infinite. */
public record Range(double min, double max) {

    public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public boolean contains(double x) {
        return x >= min && x <= max;
    }

    /**
     * The one rule of "outside a fitted range" (the evidence envelope's, {@code envelope.EvidenceEnvelope}, and the
     * law families', {@code law.family.AxisCheck}): {@code x} is finite, both ends are finite, and {@code x} lies
     * below {@code min} or above {@code max}. An open end or an undefined value gives no verdict (never outside).
     */
    public boolean isOutside(double x) {
        return Double.isFinite(x) && Double.isFinite(min) && Double.isFinite(max) && (x > max || x < min);
    }

    /** How far outside, as a ratio ≥ 1: {@code x/max} above, {@code min/x} below; 1 when not {@link #isOutside}. */
    public double outsideFactor(double x) {
        return !isOutside(x) ? 1.0 : x > max ? x / max : min / x;
    }
}
