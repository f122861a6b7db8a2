package dev.moeadvisor.law.family;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A shape trained with a compute budget, expressed in one law's own variables (its {@code N}, its tokens under its
 * FLOP model, its granularity and expert count). Built by {@link MoeLawFamily#point}, where each law converts the
 * advisor's conventions to its own.
 *
 * @param values the law's variables by axis
 */
public record LawPoint(Map<Axis, Double> values) {

    public LawPoint {
        values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    /** The value on an axis; {@code NaN} when the law does not read that axis. */
    public double get(Axis axis) {
        return values.getOrDefault(axis, Double.NaN);
    }

    /** A point from alternating axis/value pairs. */
    public static LawPoint of(Object... axisValuePairs) {
        Map<Axis, Number> numbers = Ordered.byAxis(axisValuePairs);
        Map<Axis, Double> m = new EnumMap<>(Axis.class);
        numbers.forEach((axis, x) -> m.put(axis, x.doubleValue()));
        return new LawPoint(m);
    }
}
