package dev.moeadvisor.law.family;

import dev.moeadvisor.law.Range;

import dev.moeadvisor.numbers.Numbers;

import java.util.Locale;

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
    /**
     * In words, with the axis named by its law ({@link MoeLawFamily#axisName}): "active parameters with embeddings
     * 8.1× above the fitted range [7.9e+07, 2.7e+09]". Empty when in range.
     */
    public String words(String axisName) {
        if (inRange) {
            return "";
        }
        String f = Numbers.factor(factor);
        return axisName + " " + f + "× " + (value > range.max() ? "above" : "below") + " the fitted range "
                + rangeWords(range);
    }

    /**
     * Fitted ranges in words, "[7.9e+07, 2.7e+09]" or "(64 only)", by range: the laws' ranges are constants, and
     * a plan answer states them for every shape outside them. At most {@link #RANGE_WORDS_KEPT} are kept.
     */
    private static final java.util.Map<Range, String> RANGE_WORDS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int RANGE_WORDS_KEPT = 256;

    private static String rangeWords(Range range) {
        String words = RANGE_WORDS.get(range);
        if (words == null) {
            words = range.min() == range.max() ? "(" + number(range.min()) + " only)"
                    : "[" + number(range.min()) + ", " + number(range.max()) + "]";
            if (RANGE_WORDS.size() < RANGE_WORDS_KEPT) {
                RANGE_WORDS.put(range, words);
            }
        }
        return words;
    }

    /** Three significant digits without trailing zeros: "64", "0.008", "1.29e+08", "3e+17". */
    private static String number(double x) {
        String s = String.format(Locale.ROOT, "%.3g", x);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            int end = mantissa.length();
            while (mantissa.charAt(end - 1) == '0') {
                end--;
            }
            mantissa = mantissa.substring(0, mantissa.charAt(end - 1) == '.' ? end - 1 : end);
        }
        return e < 0 ? mantissa : mantissa + s.substring(e);
    }

    public static AxisCheck of(Axis axis, double value, Range range) {
        return new AxisCheck(axis, value, range, !range.isOutside(value), range.outsideFactor(value));
    }
}
