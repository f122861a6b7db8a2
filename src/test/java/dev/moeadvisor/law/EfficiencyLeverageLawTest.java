package dev.moeadvisor.law;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden values of the Ling EL law (arXiv 2507.17702, Eq. 13, Table 2), as claimed in the paper's text. */
class EfficiencyLeverageLawTest {

    private static final EfficiencyLeverageLaw LAW = EfficiencyLeverageLaw.LING_2025;

    @ParameterizedTest(name = "EL({0}, {1}, {2}) = {3}")
    @CsvSource({
            "0.031,      12, 1e22, 7.24",
            "0.03125,     8, 1e22, 7.13",
            "0.033854167,12, 1e22, 6.97",
            "0.03125,     2, 1e20, 3.30",
            "0.03125,    12, 1e20, 4.54",
            "0.125,       8, 1e20, 2.62",
            "0.5,         8, 1e20, 1.39"})
    void goldenValuesWithinHalfAPercent(double a, double g, double c, double expected) {
        assertEquals(expected, LAW.value(a, g, c), 0.005 * expected);
    }

    @Test
    void optimalGranularityAtOneOver32Lies8To12() {
        double bestG = 0;
        double best = 0;
        for (double g = 2; g <= 32; g += 0.01) {
            double el = LAW.value(1.0 / 32, g, 1e22);
            if (el > best) {
                best = el;
                bestG = g;
            }
        }
        assertTrue(bestG > 8 && bestG < 12, "paper: optimum G of 8 to 12; got " + bestG);
    }

    @Test
    void leverageGrowsWithComputeAndSparsity() {
        assertTrue(LAW.value(1.0 / 32, 8, 1e22) > LAW.value(1.0 / 32, 8, 1e20));
        assertTrue(LAW.value(1.0 / 64, 8, 1e20) > LAW.value(1.0 / 8, 8, 1e20));
    }

    @Test
    void extrapolationFlag() {
        assertFalse(LAW.extrapolates(0.1, 8, 1e20));
        assertTrue(LAW.extrapolates(0.1, 8, 1e22), "above 6e20 FLOPs");
        assertTrue(LAW.extrapolates(0.002, 8, 1e20), "below A = 1/128");
        assertTrue(LAW.extrapolates(0.1, 32, 1e20), "above G = 16");
        assertFalse(LAW.extrapolates(1, Double.NaN, 1e25), "dense: EL = 1 by definition");
        assertEquals(1.0, LAW.value(1, Double.NaN, 1e25));
    }
}
