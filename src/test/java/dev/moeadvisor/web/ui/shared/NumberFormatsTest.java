package dev.moeadvisor.web.ui.shared;

import dev.moeadvisor.law.Range;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NumberFormatsTest {

    @Test
    void scientific() {
        assertEquals("2.86e21", NumberFormats.sci(2.8567e21));
        assertEquals("1e22", NumberFormats.sci(1e22));
        assertEquals("9.07e9", NumberFormats.sci(9.0712e9));
        assertEquals("3.2e-4", NumberFormats.sci(3.2e-4));
        assertEquals("-7.61e-2", NumberFormats.sci(-0.0761));
        assertEquals("1e3", NumberFormats.sci(999.96));
        assertEquals("—", NumberFormats.sci(Double.NaN));
    }

    @Test
    void parameterAndTokenCounts() {
        assertEquals("46.7B", NumberFormats.params(46.702526464e9));
        assertEquals("12.9B", NumberFormats.params(12.879659008e9));
        assertEquals("1.2B", NumberFormats.params(1.2e9));
        assertEquals("345M", NumberFormats.params(345.2e6));
        assertEquals("789M", NumberFormats.params(789e6));
        assertEquals("1B", NumberFormats.params(999.96e6));
        assertEquals("10T", NumberFormats.tokens(1e13));
        assertEquals("300B", NumberFormats.tokens(3e11));
        assertEquals("4K", NumberFormats.tokens(4000));
        assertEquals("512", NumberFormats.tokens(512));
        assertEquals("1e21", NumberFormats.tokens(1e21));
    }

    @Test
    void percentagesAndPlainValues() {
        assertEquals("3.13%", NumberFormats.percent(1.0 / 32));
        assertEquals("25%", NumberFormats.percent(0.25));
        assertEquals("100%", NumberFormats.percent(1.0));
        assertEquals("0.571", NumberFormats.sig(2.0 * 4096 / 14336));
        assertEquals("8", NumberFormats.sig(8.0));
        assertEquals("11.4", NumberFormats.sig(11.37));
        assertEquals("1.57", NumberFormats.fixed2(1.565724));
        assertEquals("—", NumberFormats.sig(Double.NaN));
    }

    @Test
    void coefficientsAsPublished() {
        assertEquals("1.1576", NumberFormats.coefficient(1.1576));
        assertEquals("-0.0761", NumberFormats.coefficient(-7.61e-2));
        assertEquals("5.28e16", NumberFormats.coefficient(5.28e16));
        assertEquals("0.0163", NumberFormats.coefficient(1.63e-2));
        assertEquals("15.39", NumberFormats.coefficient(15.39));
    }

    @Test
    void intervals() {
        assertEquals("[1e18, 6e20]", NumberFormats.interval(new Range(1e18, 6e20)));
        assertEquals("[2, 16]", NumberFormats.interval(new Range(2, 16)));
        assertEquals("≥ 2", NumberFormats.interval(new Range(2, Double.POSITIVE_INFINITY)));
        assertEquals("any", NumberFormats.interval(Range.ANY));
    }

    @Test
    void csvCellsAreExactCountsOrSixDigitsWithoutJavaExponents() {
        assertEquals("32560381952", NumberFormats.csv(3.2560381952E10));
        assertEquals("0.0175439", NumberFormats.csv(1.0 / 57));
        assertEquals("1.05e24", NumberFormats.csv(1.05e24));
        assertEquals("1e22", NumberFormats.csv(1e22));
        assertEquals("3.2e-5", NumberFormats.csv(3.2e-5));
        assertEquals("-0.0761", NumberFormats.csv(-0.0761));
        assertEquals("7", NumberFormats.csv(7));
        assertEquals("123456789012345", NumberFormats.csv(123456789012345L));
        assertEquals("", NumberFormats.csv(Double.NaN));
        assertEquals("", NumberFormats.csv(null));
        assertEquals("true", NumberFormats.csv(true));
    }
}
