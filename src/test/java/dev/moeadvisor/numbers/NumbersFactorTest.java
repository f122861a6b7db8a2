package dev.moeadvisor.numbers;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The multiple of "8.1× above": what {@code %.0f} (from 10 on) and {@code %.2g} (below) write. */
class NumbersFactorTest {

    private static String formatted(double x) {
        return x >= 10 ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%.2g", x);
    }

    @Test
    void writesWholeNumbersFromTenAndTwoSignificantDigitsBelow() {
        assertEquals("1.0", Numbers.factor(1));
        assertEquals("8.1", Numbers.factor(8.06));
        assertEquals("1.3", Numbers.factor(1.25));
        assertEquals("10", Numbers.factor(9.96));
        assertEquals("13", Numbers.factor(12.5));
        assertEquals("180", Numbers.factor(180.4));
        assertEquals("Infinity", Numbers.factor(Double.POSITIVE_INFINITY));
    }

    @Test
    void agreesWithTheFormatterOnHalfwayCasesAndRandomMultiples() {
        double[] edges = {1.05, 1.15, 1.45, 2.5, 3.45, 3.55, 9.94, 9.95, 9.9999, 10, 10.5, 11.5, 99.5, 1e14 + 0.5, 0.5};
        for (double x : edges) {
            assertEquals(formatted(x), Numbers.factor(x), "factor " + x);
        }
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            double x = Math.pow(10, random.nextDouble(0, 16));
            double halfway = 1 + random.nextInt(9_000) / 1000.0;
            double whole = 10 + random.nextInt(1_000_000) / 2.0;
            assertEquals(formatted(x), Numbers.factor(x), "factor " + x);
            assertEquals(formatted(halfway), Numbers.factor(halfway), "factor " + halfway);
            assertEquals(formatted(whole), Numbers.factor(whole), "factor " + whole);
        }
    }
}
