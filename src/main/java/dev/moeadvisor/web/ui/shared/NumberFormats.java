package dev.moeadvisor.web.ui.shared;

import dev.moeadvisor.law.Range;
import dev.moeadvisor.numbers.Numbers;
import io.quarkus.qute.TemplateExtension;

/**
 * How the pages write numbers, as Qute extensions ({@code {m.totalParams.params}}): each is
 * {@link Numbers}, the advisor's one number writer (also the rationale's and the CSVs').
 */
@TemplateExtension
public final class NumberFormats {

    public static final String NONE = Numbers.NONE;

    private NumberFormats() {
    }

    /** A whole count with thousands separated: {@code 329,412}. */
    public static String whole(long n) {
        return Numbers.whole(n);
    }

    /** Scientific notation for FLOPs and other wide-ranging values: {@code 2.86e21}, {@code 1e22}, {@code 3.2e-4}. */
    public static String sci(double x) {
        return Numbers.sci(x);
    }

    /** Parameter counts: {@code 46.7B}, {@code 789M}, {@code 1.2B}. */
    public static String params(double x) {
        return Numbers.compact(x);
    }

    /** Token counts: {@code 10T}, {@code 300B}, {@code 4.19M}. */
    public static String tokens(double x) {
        return Numbers.compact(x);
    }

    /** A ratio in [0, 1] as a percentage: {@code 3.13%}, {@code 25%}. */
    public static String percent(double x) {
        return Numbers.percent(x);
    }

    /** A plain value with three significant digits ({@code 0.571}, {@code 11.4}), scientific when very large or small. */
    public static String sig(double x) {
        return Numbers.sig(x);
    }

    /** Two decimals, for efficiency leverage: {@code 7.24}. */
    public static String fixed2(double x) {
        return Numbers.fixed2(x);
    }

    /** Four decimals, for predicted losses whose differences matter: {@code 2.0512}. */
    public static String fixed4(double x) {
        return Numbers.fixed4(x);
    }

    /** A published coefficient exactly as it is stored: {@code 1.1576}, {@code -0.0761}, {@code 5.28e16}. */
    public static String coefficient(double x) {
        return Numbers.coefficient(x);
    }

    /** A CSV cell ({@link Numbers#csv}): counts exact, six significant digits, no Java {@code E}. */
    public static String csv(Object value) {
        return Numbers.csv(value);
    }

    /** A fitted range: {@code [1e18, 6e20]}, {@code ≥ 2}, {@code any}. */
    public static String interval(Range r) {
        boolean lo = Double.isFinite(r.min());
        boolean hi = Double.isFinite(r.max());
        if (lo && hi) {
            return "[" + sig(r.min()) + ", " + sig(r.max()) + "]";
        }
        if (lo) {
            return "≥ " + sig(r.min());
        }
        return hi ? "≤ " + sig(r.max()) : "any";
    }
}
