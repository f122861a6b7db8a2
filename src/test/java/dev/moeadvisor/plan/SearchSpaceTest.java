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
        // depth rule: L = round(d_model/85): 2048/85 = 24.09 → 24; 512/85 = 6.02 → 6; 4096/85 = 48.19 → 48
        assertArrayEquals(new int[] {24}, space.layers(2048));
        assertArrayEquals(new int[] {6}, space.layers(512));
        assertArrayEquals(new int[] {48}, space.layers(4096));
        // a band of [100, 128] at d_model 2048 allows L in [16, 20.48]: the rule's 24 moves to the nearest, 20
        SearchSpace narrow = new SearchSpace(PlanRequest.builder(1e21, PlanRequest.AMPLE)
                .bounds(new EvidenceBounds(1.0 / 128, 2, 16, 100, 128)).build());
        assertArrayEquals(new int[] {20}, narrow.layers(2048));
        // G = 2·2048/d_expert in [2, 16] → d_expert in [256, 2048], multiples of 64, 4 per octave
        assertArrayEquals(new int[] {256, 320, 384, 448, 512, 640, 768, 896, 1024, 1280, 1536, 1792, 2048},
                space.expertWidths(2048));
        // E > k_min = 2, 2 per octave, plus the multiples of EP = 5 on the same ladder
        assertArrayEquals(new int[] {3, 4, 5, 6, 8, 10, 12, 15, 16, 20, 24, 30, 32, 40, 48, 60, 64, 80, 96, 120, 128,
                160, 192, 240, 256, 320, 384, 480, 512}, space.experts());
        assertEquals(512, space.dModels()[0]);
    }

    @Test
    void denseGridOffersTheWidestActiveFfnOfTheMoeGrid() {
        SearchSpace space = new SearchSpace(PlanRequest.builder(1e21, PlanRequest.AMPLE).build());
        // k_max = 8 routed + 1 shared expert of d_expert = 2·d_model/G_min = d_model (G_min = 2): 9·d_model
        assertEquals(9.0, space.maxDenseFfnRatio());
        int[] widths = space.denseFfnWidths(1024);
        assertEquals(2048, widths[0]);
        assertEquals(9216, widths[widths.length - 1]);
    }

    @Test
    void gridPointsNoShapeCanHoldAreNotBuildable() {
        SearchSpace space = new SearchSpace(PlanRequest.builder(1e21, PlanRequest.AMPLE).build());
        // a dense first layer of (8 + 1)·131072 = 1179648 > 2^20 = 1048576 cannot be built; 7·131072 = 917504 can
        assertEquals(false, space.buildable(1, 131072, 8));
        assertEquals(true, space.buildable(1, 131072, 6));
        assertEquals(true, space.buildable(0, 131072, 8));
    }

    @Test
    void shapeRules() {
        SearchSpace space = new SearchSpace(PlanRequest.builder(1e21, PlanRequest.AMPLE).build());
        var s = space.moe(2048, 20, 1, 512, 256, 8);
        assertEquals(16, s.heads());
        assertEquals(4, s.kvHeads(), "GQA, 4 query heads per key/value head by default");
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
