package dev.moeadvisor.law;

import dev.moeadvisor.envelope.EvidenceEnvelope;
import dev.moeadvisor.law.family.Axis;
import dev.moeadvisor.law.family.AxisCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one rule of "outside a fitted range", as the envelope and the law families both read it. */
class RangeTest {

    static final Range R = new Range(2, 16);

    @Test
    void closedIntervalFactorsAndNoVerdictWithoutANumberOrAnEnd() {
        assertFalse(R.isOutside(2));
        assertFalse(R.isOutside(16));
        assertTrue(R.isOutside(32));
        assertEquals(2.0, R.outsideFactor(32), 0);
        assertEquals(4.0, R.outsideFactor(0.5), 0);
        assertEquals(1.0, R.outsideFactor(8), 0);
        assertFalse(R.isOutside(Double.NaN));
        assertFalse(R.isOutside(Double.POSITIVE_INFINITY));
        assertFalse(Range.ANY.isOutside(1e300));
        assertFalse(new Range(1, Double.POSITIVE_INFINITY).isOutside(0.5), "an open end gives no verdict");
    }

    @Test
    void theEnvelopeAndTheLawFamiliesAgreeOnEveryCase() {
        for (double x : new double[] {0.5, 2, 8, 16, 32, Double.NaN}) {
            AxisCheck c = AxisCheck.of(Axis.GRANULARITY, x, R);
            var e = EvidenceEnvelope.outsideOn("granularity", x, R);
            assertEquals(e.isPresent(), !c.inRange(), "x = " + x);
            assertEquals(e.map(o -> o.factor()).orElse(1.0), c.factor(), 0, "x = " + x);
        }
    }
}
