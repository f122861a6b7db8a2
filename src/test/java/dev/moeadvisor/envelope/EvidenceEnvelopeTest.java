package dev.moeadvisor.envelope;

import dev.moeadvisor.law.Range;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one envelope rule, on hand-computed cases. */
class EvidenceEnvelopeTest {

    // the span of arXiv 2506.12119 Tables 9–13: C 1.9e20–5.5e21 (rounded), A 0.087–0.53, G 8–10.67
    private static final Evidence RUNS = new Evidence("runs", new Range(1.9e20, 5.5e21), new Range(1.88e8, 3.5e9),
            new Range(2.15e9, 6.52e9), new Range(1.3e11, 5.4e11), new Range(1, 1), new Range(0.087, 0.53),
            new Range(8, 10.67));

    @Test
    void computeAboveTheLargestRunByItsRatio() {
        // 1e24 / 5.5e21 = 181.8
        List<Outside> out = EvidenceEnvelope.outside(RUNS, new EvidenceEnvelope.Query(1e24, 1e9, 3e9, 2e11, 1, 0.1, 8));
        assertEquals(1, out.size());
        assertEquals("computeFlops", out.get(0).axis());
        assertEquals(181.818, out.get(0).factor(), 1e-3);
        assertArrayEquals(new double[] {1.9e20, 5.5e21}, out.get(0).range());
        assertEquals("compute 182× above the largest run", EvidenceEnvelope.words(out));
    }

    @Test
    void belowTheSmallestRunIsMinOverValueAndDenseSkipsAAndG() {
        // A = 0.03: 0.087/0.03 = 2.9× below; G 16: 16/10.67 = 1.5× above; tokens 1e12/5.4e11 = 1.85×
        List<Outside> moe = EvidenceEnvelope.outside(RUNS, new EvidenceEnvelope.Query(1e21, 1e9, 3e9, 1e12, 1, 0.03, 16));
        assertEquals(List.of("tokens", "activationRatio", "granularity"), moe.stream().map(Outside::axis).toList());
        assertEquals(2.9, moe.get(1).factor(), 1e-9);
        assertTrue(EvidenceEnvelope.words(moe).contains("activation ratio A 2.9× below the smallest run"));
        List<Outside> dense = EvidenceEnvelope.outside(RUNS, new EvidenceEnvelope.Query(1e21, 1e9, 3e9, 2e11, 1, 1,
                Double.NaN));
        assertTrue(dense.isEmpty(), dense.toString());
    }

    @Test
    void anOpenAxisIsNeverOutside() {
        assertTrue(EvidenceEnvelope.outside(Evidence.LING_2025,
                new EvidenceEnvelope.Query(1e20, 1e15, 1e16, 1e15, 1, 0.03, 12)).isEmpty());
        // Ling's fit: C up to 6e20; 1e22 is 16.7× above
        assertEquals(16.67, EvidenceEnvelope.outside(Evidence.LING_2025,
                new EvidenceEnvelope.Query(1e22, 1e9, 1e10, 1e12, 1, 0.03, 12)).get(0).factor(), 0.01);
    }

    @Test
    void aShapeThatSeesLessThanItsUniqueDataIsOneEpochNotBelowTheRuns() {
        // 770B tokens of 10T unique: 0.077 of a pass is no reuse, i.e. one epoch, inside Ling's [1, 1]
        var q = EvidenceEnvelope.Query.ofShape(3e20, 1e9, 1e10, 7.7e11, 0.077, true, 0.03, 12);
        assertEquals(1.0, q.epochs());
        assertTrue(EvidenceEnvelope.outside(Evidence.LING_2025, q).isEmpty());
        // 4 epochs over the unique data are outside Ling's no-reuse fit, 4× above
        Outside reuse = EvidenceEnvelope.outside(Evidence.LING_2025,
                EvidenceEnvelope.Query.ofShape(3e20, 1e9, 1e10, 7.7e11, 4, true, 0.03, 12)).get(0);
        assertEquals("epochs", reuse.axis());
        assertEquals(4.0, reuse.factor(), 1e-12);
    }
}
