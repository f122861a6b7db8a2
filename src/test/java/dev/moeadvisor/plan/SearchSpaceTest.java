package dev.moeadvisor.plan;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SearchSpaceTest {

    @Test
    void laddersHoldTheDocumentedValues() {
        assertArrayEquals(new int[] {2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64}, Ladder.between(2, 64, 1));
        assertArrayEquals(new int[] {5, 6, 7, 8, 10, 12, 14, 16, 20}, Ladder.between(5, 20, 2));
        assertArrayEquals(new int[] {512, 640, 768, 896, 1024, 1280}, Ladder.multiples(128, 512, 1400, 2));
        assertArrayEquals(new int[0], Ladder.between(9, 8, 2));
    }

    @Test
    void gridFollowsTheBounds() {
        SearchSpace space = new SearchSpace(PlanRequest.builder(1e21, PlanRequest.AMPLE).expertParallelDegree(5).build());
        // d_model 2048: L with 2048/L in [48, 128] → L in [16, 42.7], 2 per octave
        assertArrayEquals(new int[] {16, 24, 32}, space.layers(2048));
        // G = 2·2048/d_expert in [2, 16] → d_expert in [256, 2048], multiples of 64, 4 per octave
        assertArrayEquals(new int[] {256, 320, 384, 448, 512, 640, 768, 896, 1024, 1280, 1536, 1792, 2048},
                space.expertWidths(2048));
        // E > k_min = 2, 2 per octave, plus the multiples of EP = 5 on the same ladder
        assertArrayEquals(new int[] {3, 4, 5, 6, 8, 10, 12, 15, 16, 20, 24, 30, 32, 40, 48, 60, 64, 80, 96, 120, 128,
                160, 192, 240, 256, 320, 384, 480, 512}, space.experts());
        assertEquals(512, space.dModels()[0]);
    }

    @Test
    void shapeRules() {
        SearchSpace space = new SearchSpace(PlanRequest.builder(1e21, PlanRequest.AMPLE).build());
        var s = space.moe(2048, 20, 1, 512, 256, 8);
        assertEquals(16, s.heads());
        assertEquals(16, s.kvHeads());
        assertEquals(128, s.headDim());
        assertEquals(1, s.sharedExperts());
        assertEquals(512, s.dShared());
        assertEquals(9 * 512, s.dFfn());
        var d = space.dense(4096, 32, 14336);
        assertEquals(0, d.experts());
        assertEquals(32, d.heads());
        assertEquals(14336, d.dFfn());
    }
}
