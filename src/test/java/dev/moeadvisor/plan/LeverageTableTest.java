package dev.moeadvisor.plan;

import dev.moeadvisor.law.EfficiencyLeverageLaw;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The table answers Ling's law itself for every (A, G), before and after it grows, and keeps one entry per pair. */
class LeverageTableTest {

    @Test
    void everyValueIsTheLawsOwnAndEachPairIsKeptOnce() {
        EfficiencyLeverageLaw law = EfficiencyLeverageLaw.LING_2025;
        double c = 3e21;
        LeverageTable table = new LeverageTable(law, c);
        SplittableRandom r = new SplittableRandom(11);
        int pairs = 5_000;   // past several doublings of the initial 1,024 slots
        double[] a = new double[pairs];
        double[] g = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            a[i] = 1.0 / (2 + r.nextInt(512)) + i * 1e-12;   // distinct pairs, some A close together
            g[i] = 0.5 * (1 + r.nextInt(64));
            assertEquals(law.value(a[i], g[i], c), table.value(a[i], g[i]), 0);
        }
        assertEquals(pairs, table.size());
        for (int i = pairs - 1; i >= 0; i--) {
            assertEquals(law.value(a[i], g[i], c), table.value(a[i], g[i]), 0);
        }
        assertEquals(pairs, table.size());
    }
}
