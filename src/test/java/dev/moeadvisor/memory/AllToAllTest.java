package dev.moeadvisor.memory;

import dev.moeadvisor.shape.ModelShape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllToAllTest {

    /** h 2048, 16 heads of 128, E 64, k 4, d_expert 512, no shared expert, S 4096. */
    static final ModelShape MOE = ModelShape.builder().vocabSize(32_000).seqLen(4096).layers(8).dModel(2048)
            .heads(16).experts(64).topK(4).dExpert(512).build();

    @Test
    void withinANodeTheAllToAllIsAFractionOfTheCompute() {
        AllToAll a = AllToAll.of(MOE, new ParallelLayout(8, 1, 1, 8, 1, 1), 989e12, 0.4);
        // 8·k·h·(EP−1)/EP = 8·4·2048·7/8 = 57,344 bytes per token
        assertEquals(57_344.0, a.bytesPerToken());
        // 6·(4h² + k·3·h·d_e + h·E) + 3·2·S·n_h·(128 + 128) = 6·29,491,200 + 100,663,296 = 277,610,496
        assertEquals(277_610_496.0, a.flopsPerToken());
        assertEquals(450e9, a.bandwidth());
        // (57,344 / 450e9) / (277,610,496 / (989e12 · 0.4)) = 1.2743e-7 / 7.0175e-7
        assertEquals((57_344.0 / 450e9) / (277_610_496.0 / (989e12 * 0.4)), a.ratio(), 1e-15);
        assertEquals(0.1816, a.ratio(), 1e-4);
        assertFalse(a.exceedsCompute());
    }

    @Test
    void acrossNodesItCanOutlastTheCompute() {
        AllToAll a = AllToAll.of(MOE, new ParallelLayout(16, 1, 1, 16, 1, 1), 989e12, 0.4);
        // 8·4·2048·15/16 = 61,440 bytes over 50 GB/s = 1.2288e-6 s per token > 7.0175e-7 s of compute
        assertEquals(61_440.0, a.bytesPerToken());
        assertEquals(50e9, a.bandwidth());
        assertEquals(1.751, a.ratio(), 1e-3);
        assertTrue(a.exceedsCompute());
    }

    @Test
    void noExpertParallelismNoTraffic() {
        assertEquals(0.0, AllToAll.of(MOE, new ParallelLayout(8, 1, 1, 1, 1, 1), 989e12, 0.4).ratio());
    }
}
