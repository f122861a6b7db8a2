package dev.moeadvisor.web.ui.shared;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the number forms people type: {@code 1e23}, {@code 2.5e21}, {@code 10T}, {@code 300B}, {@code 1.5M},
 * {@code 4k}, {@code 32,768}, {@code 40%}. Suffixes (any case): K = 1e3, M = 1e6, B or G = 1e9, T = 1e12,
 * P = 1e15, % = 1e−2. Decimal arithmetic is exact, so {@code 4.1k} is the whole number 4100.
 */
public final class HumanNumber {

    /** Text that is not a number in any of the accepted forms; the message is fit to show next to the field. */
    public static final class UnreadableNumberException extends IllegalArgumentException {
        UnreadableNumberException(String message) {
            super(message);
        }
    }

    private static final Pattern FORM = Pattern.compile(
            "([+-]?(?:(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*([kKmMbBgGtTpP%]?)");

    private HumanNumber() {
    }

    /** The finite number {@code text} spells. */
    public static double parse(String text) {
        double x = exact(text).doubleValue();
        if (!Double.isFinite(x)) {
            throw new UnreadableNumberException("is too large");
        }
        return x;
    }

    /** The whole number {@code text} spells ({@code 4k}, {@code 1.5M}); fractions are refused. */
    public static long parseWhole(String text) {
        BigDecimal x = exact(text);
        if (x.signum() != 0 && x.stripTrailingZeros().scale() > 0) {
            throw new UnreadableNumberException("must be a whole number");
        }
        try {
            return x.longValueExact();
        } catch (ArithmeticException e) {
            throw new UnreadableNumberException("is too large");
        }
    }

    private static BigDecimal exact(String text) {
        String t = text == null ? "" : text.strip().replace("_", "");
        Matcher m = FORM.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            throw new UnreadableNumberException("is not a number (write e.g. 1e23, 2.5e21, 10T, 300B, 1.5M or 4k)");
        }
        try {
            BigDecimal mantissa = new BigDecimal(m.group(1).replace(",", ""));
            return mantissa.scaleByPowerOfTen(power(m.group(2)));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UnreadableNumberException("is out of range");
        }
    }

    private static int power(String suffix) {
        return switch (suffix.toUpperCase(Locale.ROOT)) {
            case "" -> 0;
            case "%" -> -2;
            case "K" -> 3;
            case "M" -> 6;
            case "B", "G" -> 9;
            case "T" -> 12;
            case "P" -> 15;
            default -> throw new IllegalStateException("suffix not in the pattern: " + suffix);
        };
    }
}
