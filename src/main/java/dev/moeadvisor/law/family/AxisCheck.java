package dev.moeadvisor.law.family;

import dev.moeadvisor.law.Range;

/**
 * Where a point lies on one axis relative to the range its law was fitted on.
 *
 * @param axis    the axis
 * @param value   the point's value, in the law's convention
 * @param range   the fitted range
 * @param inRange {@code range.contains(value)}
 * @param factor  how far outside, as a multiple: {@code value/max} above, {@code min/value} below, 1 inside
 */
public record AxisCheck(Axis axis, double value, Range range, boolean inRange, double factor) {

    /** The one definition of "in range" for a law family: the closed interval, per axis. */
    public static AxisCheck of(Axis axis, double value, Range range) {
        boolean inside = range.contains(value);
        double factor = 1.0;
        if (!inside && value > range.max()) {
            factor = value / range.max();
        } else if (!inside && value < range.min()) {
            factor = range.min() / value;
        }
        return new AxisCheck(axis, value, range, inside, factor);
    }
}
