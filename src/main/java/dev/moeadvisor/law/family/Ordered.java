package dev.moeadvisor.law.family;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Ordered maps from alternating key/value arguments, for the data the law families describe themselves with. */
final class Ordered {

    private Ordered() {
    }

    /** Axis → value, in {@link Axis} order. */
    @SuppressWarnings("unchecked")
    static <V> Map<Axis, V> byAxis(Object... axisValuePairs) {
        Map<Axis, V> m = new EnumMap<>(Axis.class);
        for (int i = 0; i < axisValuePairs.length; i += 2) {
            m.put((Axis) axisValuePairs[i], (V) axisValuePairs[i + 1]);
        }
        return m;
    }

    /** Name → coefficient, in argument order. */
    static Map<String, Double> coefficients(Object... nameValuePairs) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            m.put((String) nameValuePairs[i], ((Number) nameValuePairs[i + 1]).doubleValue());
        }
        return m;
    }
}
