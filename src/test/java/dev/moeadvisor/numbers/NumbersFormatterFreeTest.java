package dev.moeadvisor.numbers;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Numbers#sci}, {@link Numbers#fixed2}, {@link Numbers#fixed4}, {@link Numbers#whole} and {@link Numbers#factor}
 * write what {@link String#format} writes with {@code %.2e} (trailing zeros dropped), {@code %.2f}, {@code %.4f},
 * {@code %,d} and {@code %.0f}/{@code %.2g}: the formatter is the truth, on halfway cases, extremes and a million
 * seeded values.
 */
class NumbersFormatterFreeTest {

    private static String factorByFormat(double x) {
        return x >= 10 ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%.2g", x);
    }

    private static String sciByFormat(double x) {
        String[] parts = String.format(Locale.ROOT, "%.2e", x).split("e");
        return new BigDecimal(parts[0]).stripTrailingZeros().toPlainString() + "e" + Integer.parseInt(parts[1]);
    }

    @Test
    void writesThePapersNumbersAsBefore() {
        assertEquals("2.86e21", Numbers.sci(2.86e21));
        assertEquals("1e22", Numbers.sci(1e22));
        assertEquals("3.2e-4", Numbers.sci(3.2e-4));
        assertEquals("1e22", Numbers.sci(9.995e21));
        assertEquals("0e0", Numbers.sci(0));
        assertEquals("7.24", Numbers.fixed2(7.2449));
        assertEquals("2.0512", Numbers.fixed4(2.05115));
        assertEquals("-0.0000", Numbers.fixed4(-0.00004));
        assertEquals("329,412", Numbers.whole(329_412));
        assertEquals("-1,000", Numbers.whole(-1000));
        assertEquals("999", Numbers.whole(999));
        assertEquals(Numbers.NONE, Numbers.sci(Double.NaN));
        assertEquals("1.0", Numbers.factor(1));
        assertEquals("8.1", Numbers.factor(8.06));
        assertEquals("1.3", Numbers.factor(1.25));
        assertEquals("10", Numbers.factor(9.96));
        assertEquals("13", Numbers.factor(12.5));
        assertEquals("180", Numbers.factor(180.4));
        assertEquals("Infinity", Numbers.factor(Double.POSITIVE_INFINITY));
    }

    @Test
    void agreesWithTheFormatter() {
        SplittableRandom random = new SplittableRandom(5);
        List<Double> xs = new ArrayList<>(List.of(0.0, -0.0, 1.005, 1.015, 2.00005, 123.45675, 0.00005, -0.00005,
                9.9949e3, 4.9e-324, Double.MAX_VALUE, -Double.MAX_VALUE));
        for (int i = 0; i < 250_000; i++) {
            xs.add(Math.pow(10, random.nextDouble(-30, 30)) * (random.nextBoolean() ? 1 : -1));
            xs.add(random.nextInt(2_000_000) / 200_000.0 - 5);
            xs.add(random.nextInt(100_000) / 1e4 + 0.00005);
            double bits = Double.longBitsToDouble(random.nextLong());
            xs.add(Double.isFinite(bits) ? bits : 1.0);
        }
        for (double x : xs) {
            assertEquals(sciByFormat(x), Numbers.sci(x), "sci " + x);
            assertEquals(String.format(Locale.ROOT, "%.2f", x), Numbers.fixed2(x), "fixed2 " + x);
            assertEquals(String.format(Locale.ROOT, "%.4f", x), Numbers.fixed4(x), "fixed4 " + x);
            double multiple = Math.abs(x) < 1 ? 1 / Math.max(Math.abs(x), 1e-300) : Math.abs(x);
            assertEquals(factorByFormat(multiple), Numbers.factor(multiple), "factor " + multiple);
        }
        for (double x : new double[] {1.05, 1.15, 1.45, 2.5, 3.45, 3.55, 9.94, 9.95, 9.9999, 10, 10.5, 11.5, 99.5, 0.5}) {
            assertEquals(factorByFormat(x), Numbers.factor(x), "factor " + x);
        }
        for (int i = 0; i < 200_000; i++) {
            double halfway = 1 + random.nextInt(9_000) / 1000.0;
            double whole = 10 + random.nextInt(1_000_000) / 2.0;
            assertEquals(factorByFormat(halfway), Numbers.factor(halfway), "factor " + halfway);
            assertEquals(factorByFormat(whole), Numbers.factor(whole), "factor " + whole);
        }
        List<Long> ns = new ArrayList<>(List.of(0L, 1L, -1L, 999L, 1000L, -999L, -1000L, Long.MAX_VALUE, Long.MIN_VALUE));
        for (int i = 0; i < 200_000; i++) {
            ns.add(random.nextLong());
            ns.add((long) random.nextInt());
            ns.add((long) random.nextInt(100_000));
        }
        for (long n : ns) {
            assertEquals(String.format(Locale.ROOT, "%,d", n), Numbers.whole(n), "whole " + n);
        }
    }
}
