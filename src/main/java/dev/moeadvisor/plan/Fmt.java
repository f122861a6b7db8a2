package dev.moeadvisor.plan;

import dev.moeadvisor.numbers.Numbers;

/** Number formats of the plan's sentences: the advisor's one number writer, {@link Numbers}. */
final class Fmt {

    private Fmt() {
    }

    /** 1.23e22 */
    static String sci(double x) {
        return Numbers.sci(x);
    }

    /** 1.23B, 456M, 7.8K */
    static String count(double x) {
        return Numbers.compact(x);
    }

    /** 1.23% */
    static String pct(double fraction) {
        return Numbers.percent(fraction);
    }

    /** 3 significant digits: 0.571, 1230, 3.2e-4. */
    static String num(double x) {
        return Numbers.sig(x);
    }

    /** 4 decimals, for losses. */
    static String loss(double x) {
        return Numbers.fixed4(x);
    }

    /** A whole count: 329,412. */
    static String whole(long n) {
        return Numbers.whole(n);
    }
}
