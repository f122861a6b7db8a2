package dev.moeadvisor.plan;

import java.util.Locale;

/** Number formats of the plan's sentences. */
final class Fmt {

    private Fmt() {
    }

    /** 1.23e+22 */
    static String sci(double x) {
        return String.format(Locale.ROOT, "%.3g", x);
    }

    /** 1.23B, 456M, 7.8K */
    static String count(double x) {
        double a = Math.abs(x);
        if (a >= 1e12) {
            return String.format(Locale.ROOT, "%.3gT", x / 1e12);
        }
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%.3gB", x / 1e9);
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.3gM", x / 1e6);
        }
        if (a >= 1e3) {
            return String.format(Locale.ROOT, "%.3gK", x / 1e3);
        }
        return String.format(Locale.ROOT, "%.3g", x);
    }

    /** 1.23% */
    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.3g%%", 100 * fraction);
    }

    /** 3 significant digits. */
    static String num(double x) {
        return String.format(Locale.ROOT, "%.3g", x);
    }

    /** 4 decimals, for losses. */
    static String loss(double x) {
        return String.format(Locale.ROOT, "%.4f", x);
    }
}
