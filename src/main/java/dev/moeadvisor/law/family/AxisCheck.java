package dev.moeadvisor.law.family;

import dev.moeadvisor.law.Range;

/**
 * Where a point lies on one axis relative to the range its law was fitted on.
 *
 * @param axis    the axis
 * @param value   the point's value, in the law's convention
 * @param range   the fitted range
 * @param inRange {@code !range.isOutside(value)}
 * @param factor  how far outside, as a multiple: {@code value/max} above, {@code min/value} below, 1 inside
 */
public record AxisCheck(Axis axis, double value, Range range, boolean inRange, double factor) {

    /**
     * "In range" for a law family, per axis, by the same rule as the evidence envelope ({@link Range#isOutside}: the
     * closed interval; an undefined value or an open end is never outside).
     */
    public static AxisCheck of(Axis axis, double value, Range range) {
        return new AxisCheck(axis, value, range, !range.isOutside(value), range.outsideFactor(value));
    }
}
