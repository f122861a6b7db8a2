package dev.moeadvisor.numbers;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The full-precision CSV mode: the same double back, never Java's {@code E}. */
class NumbersCsvExactTest {

    @Test
    void writesJavasShortestDigitsPlainOrAsShortScientific() {
        assertEquals("32560381952", Numbers.csvExact(3.2560381952E10));
        assertEquals("0.017543859649122806", Numbers.csvExact(1.0 / 57));
        assertEquals("1.0512345e24", Numbers.csvExact(1.0512345e24));
        assertEquals("1e22", Numbers.csvExact(1e22));
        assertEquals("3.2e-5", Numbers.csvExact(3.2e-5));
        assertEquals("-0.0761", Numbers.csvExact(-0.0761));
        assertEquals("0", Numbers.csvExact(0.0));
        assertEquals("4096", Numbers.csvExact(4096.0));
        assertEquals("7", Numbers.csvExact(7));
        assertEquals("", Numbers.csvExact(Double.NaN));
        assertEquals("", Numbers.csvExact(Double.POSITIVE_INFINITY));
        assertEquals("", Numbers.csvExact(null));
        assertEquals("true", Numbers.csvExact(true));
    }

    @Test
    void everyDoubleReadsBackExactly() {
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < 20_000; i++) {
            double x = (random.nextBoolean() ? 1 : -1) * random.nextDouble() * Math.pow(10, random.nextInt(-30, 31));
            String cell = Numbers.csvExact(x);
            assertFalse(cell.contains("E"), cell);
            assertEquals(x, Double.parseDouble(cell), 0.0, cell);
        }
    }
}
