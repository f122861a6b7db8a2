package dev.moeadvisor.envelope;

import dev.moeadvisor.numbers.Numbers;

/**
 * One axis on which a query lies outside its model's evidence, and by what factor: {@code value/max} above the
 * range, {@code min/value} below it (always ≥ 1). JSON: {@code {"axis": "computeFlops", "value": 1e24,
 * "range": [1.9e20, 5.5e21], "factor": 180}}.
 *
 * @param axis   {@code computeFlops}, {@code activeParams}, {@code totalParams}, {@code tokens}, {@code epochs},
 *               {@code activationRatio}, {@code granularity}
 * @param value  the query's value
 * @param range  the evidence's {@code [min, max]}
 * @param factor how far outside, as a ratio ≥ 1
 * @param description the axis and verdict in words when the model names its own axes (a law family's, e.g.
 *               "active parameters with embeddings 8.1× above the fitted range [7.9e+07, 2.7e+09]"); {@code null}
 *               for the envelope's own axes, worded by {@link #words()}
 */
public record Outside(String axis, double value, double[] range, double factor, String description) {

    /** An axis of the envelope's own, worded by {@link #words()}. */
    public Outside(String axis, double value, double[] range, double factor) {
        this(axis, value, range, factor, null);
    }

    /** The same verdict, described in the words of the model that owns the axis. */
    public Outside describedAs(String words) {
        return new Outside(axis, value, range, factor, words);
    }

    public boolean above() {
        return value > range[1];
    }

    /** In words: "compute 180× above the largest run" (or {@link #description()} when given). */
    public String words() {
        if (description != null) {
            return description;
        }
        String name = switch (axis) {
            case "computeFlops" -> "compute";
            case "activeParams" -> "active parameters";
            case "totalParams" -> "total parameters";
            case "tokens" -> "tokens";
            case "epochs" -> "epochs";
            case "activationRatio" -> "activation ratio A";
            case "granularity" -> "granularity G";
            default -> axis;
        };
        String f = Numbers.factor(factor);
        return name + " " + f + "× " + (above() ? "above the largest run" : "below the smallest run");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Outside x && axis.equals(x.axis) && value == x.value && factor == x.factor
                && java.util.Arrays.equals(range, x.range) && java.util.Objects.equals(description, x.description);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(axis, value, factor, java.util.Arrays.hashCode(range), description);
    }
}
