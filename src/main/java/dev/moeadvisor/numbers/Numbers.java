package dev.moeadvisor.numbers;


import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How the advisor writes numbers for people and for CSV, the one definition: pages (through
 * {@code web.ui.shared.NumberFormats}, their Qute extensions), the planner's rationale and warnings, and the CSV
 * exports. Three significant digits unless said otherwise; scientific notation as {@code 1.05e24}, never Java's
 * {@code 1.05E24} or C's {@code 1.05e+24}; anything not finite is written as a dash.
 */
public final class Numbers {

    private static final MathContext THREE = new MathContext(3);
    private static final MathContext SIX = new MathContext(6);
    private static final MathContext TWO_HALF_UP = new MathContext(2, RoundingMode.HALF_UP);
    private static final MathContext THREE_HALF_UP = new MathContext(3, RoundingMode.HALF_UP);
    private static final String[] SUFFIXES = {"", "K", "M", "B", "T", "P"};
    public static final String NONE = "—";

    private Numbers() {
    }

    /** Scientific notation for FLOPs and other wide-ranging values: {@code 2.86e21}, {@code 1e22}, {@code 3.2e-4}. */
    public static String sci(double x) {
        if (!Double.isFinite(x)) {
            return NONE;
        }
        if (x == 0) {
            return "0e0";
        }
        // what %.2e writes (Java's shortest decimal of x rounded half up to three digits), without a Formatter
        BigDecimal three = BigDecimal.valueOf(x).round(THREE_HALF_UP);
        int exponent = three.precision() - three.scale() - 1;
        return three.movePointLeft(exponent).stripTrailingZeros().toPlainString() + "e" + exponent;
    }

    /** Parameter counts: {@code 46.7B}, {@code 789M}, {@code 1.2B}. */
    public static String params(double x) {
        return compact(x);
    }

    /** Token counts: {@code 10T}, {@code 300B}, {@code 4.19M}. */
    public static String tokens(double x) {
        return compact(x);
    }

    /** A ratio in [0, 1] as a percentage: {@code 3.13%}, {@code 25%}. */
    public static String percent(double x) {
        if (!Double.isFinite(x)) {
            return NONE;
        }
        return plain(new BigDecimal(x * 100).round(THREE)) + "%";
    }

    /** A plain value with three significant digits ({@code 0.571}, {@code 11.4}), scientific when very large or small. */
    public static String sig(double x) {
        if (!Double.isFinite(x)) {
            return NONE;
        }
        double a = Math.abs(x);
        if (a != 0 && (a >= 1e5 || a < 1e-3)) {
            return sci(x);
        }
        return plain(new BigDecimal(x).round(THREE));
    }

    /**
     * How far outside a range, as the multiple in "8.1× above": a whole number from 10 on ({@code 180}), else two
     * significant digits ({@code 8.1}, {@code 1.0}) — what {@code %.0f} and {@code %.2g} write, without a
     * {@link java.util.Formatter} (a plan answer states it for many shapes).
     */
    public static String factor(double x) {
        if (x >= 10 && x < 1e15) {
            // %.0f rounds half up the shortest decimal of x, which for a double this small is Math.round's
            return Long.toString(Math.round(x));
        }
        if (x >= 1 && x < 10) {
            BigDecimal two = BigDecimal.valueOf(x).round(TWO_HALF_UP);
            return two.compareTo(BigDecimal.TEN) >= 0 ? "10" : two.setScale(1, RoundingMode.UNNECESSARY).toPlainString();
        }
        return x >= 10 ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%.2g", x);
    }

    /** Two decimals, for efficiency leverage: {@code 7.24}. */
    public static String fixed2(double x) {
        return Double.isFinite(x) ? decimals(x, 2) : NONE;
    }

    /** Four decimals, for predicted losses whose differences matter: {@code 2.0512}. */
    public static String fixed4(double x) {
        return Double.isFinite(x) ? decimals(x, 4) : NONE;
    }

    /**
     * What {@code %.nf} writes for a finite {@code x} (Java's shortest decimal of x rounded half up, "-0.00" for a
     * negative that rounds to zero), without a {@link java.util.Formatter}: plans write many.
     */
    private static String decimals(double x, int n) {
        BigDecimal rounded = BigDecimal.valueOf(x).setScale(n, RoundingMode.HALF_UP);
        String plain = rounded.toPlainString();
        boolean negative = x < 0 || Double.doubleToRawLongBits(x) == Long.MIN_VALUE;
        return rounded.signum() == 0 && negative ? "-" + plain : plain;
    }

    /** A published coefficient exactly as it is stored: {@code 1.1576}, {@code -0.0761}, {@code 5.28e16}. */
    public static String coefficient(double x) {
        if (!Double.isFinite(x)) {
            return NONE;
        }
        double a = Math.abs(x);
        if (a != 0 && (a >= 1e6 || a < 1e-4)) {
            return BigDecimal.valueOf(x).stripTrailingZeros().toString().replace("E+", "e").replace("E", "e");
        }
        return plain(BigDecimal.valueOf(x));
    }

    /**
     * A CSV cell: whole numbers exactly ({@code 32560381952}, up to 10<sup>15</sup>), other numbers with six
     * significant digits, plain from 10<sup>-4</sup> to 10<sup>15</sup> ({@code 0.0175439}) and in short scientific
     * notation beyond ({@code 1.05e24}, never Java's {@code 1.05E24}); booleans and text as they are; absent or not
     * finite as an empty cell.
     */
    public static String csv(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double x = ((Number) value).doubleValue();
            if (!Double.isFinite(x)) {
                return "";
            }
            double a = Math.abs(x);
            if (x == Math.rint(x) && a < 1e15) {
                return Long.toString((long) x);
            }
            if (a >= 1e-4 && a < 1e15) {
                return plain(new BigDecimal(x).round(SIX));
            }
            BigDecimal v = new BigDecimal(x).round(SIX);
            int exponent = v.precision() - v.scale() - 1;
            return plain(v.movePointLeft(exponent)) + "e" + exponent;
        }
        return value.toString();
    }

    /**
     * A CSV cell at full precision, for columns scripts read back (a run file): the digits of
     * {@link Double#toString} (the shortest decimal that parses back to the same {@code double}), written plain from
     * 10<sup>-4</sup> to 10<sup>15</sup> ({@code 32560381952}, {@code 0.017543859649122806}) and in short scientific
     * notation beyond ({@code 1.0512345e24}, never Java's {@code 1.0512345E24}); integers, booleans and text as they
     * are; absent or not finite as an empty cell.
     */
    public static String csvExact(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double x = ((Number) value).doubleValue();
            if (!Double.isFinite(x)) {
                return "";
            }
            double a = Math.abs(x);
            BigDecimal v = new BigDecimal(Double.toString(x));
            if (a == 0 || (a >= 1e-4 && a < 1e15)) {
                return plain(v);
            }
            v = v.stripTrailingZeros();
            int exponent = v.precision() - v.scale() - 1;
            return plain(v.movePointLeft(exponent)) + "e" + exponent;
        }
        return value.toString();
    }

    /** A whole count with thousands separated: {@code 329,412}. */
    public static String whole(long n) {
        // what %,d writes with Locale.ROOT, without a Formatter
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        int length = digits.length() - sign;
        if (length <= 3) {
            return digits;
        }
        StringBuilder out = new StringBuilder(digits.length() + length / 3).append(digits, 0, sign);
        int first = length % 3 == 0 ? 3 : length % 3;
        out.append(digits, sign, sign + first);
        for (int i = sign + first; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }

    /** Counts and sizes with a decimal suffix: {@code 46.7B}, {@code 789M}, {@code 4K}, {@code 512}. */
    public static String compact(double x) {
        if (!Double.isFinite(x)) {
            return NONE;
        }
        BigDecimal v = new BigDecimal(x).round(THREE);
        double a = Math.abs(v.doubleValue());
        if (a >= 1e18) {
            return sci(x);
        }
        int i = 0;
        while (a >= 1000 && i < SUFFIXES.length - 1) {
            a /= 1000;
            i++;
        }
        return plain(v.movePointLeft(3 * i)) + SUFFIXES[i];
    }

    private static String plain(BigDecimal x) {
        return x.signum() == 0 ? "0" : x.stripTrailingZeros().toPlainString();
    }
}
