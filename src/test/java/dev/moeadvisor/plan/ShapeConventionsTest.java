package dev.moeadvisor.plan;

import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The plan request's GQA group size and [ER]'s shared-expert width reach the searched shapes. */
class ShapeConventionsTest {

    @Test
    void groupedQueryAttentionSharesKeyValueHeads() {
        SearchSpace space = new SearchSpace(PlanRequest.builder(1e21, PlanRequest.AMPLE).headsPerKvHead(8).build());
        ModelShape s = space.moe(2048, 20, 1, 512, 256, 8);
        assertEquals(16, s.heads());
        assertEquals(2, s.kvHeads());
        // attention per layer: 2·2048·16·128 + 2·2048·2·128 = 8,388,608 + 1,048,576
        assertEquals(9_437_184.0, ShapeMetrics.of(s).attentionParamsPerLayer(), 0.0);
        // 12 heads with groups of 8: the largest divisor of 12 not above 12/8 = 1 → 1 key/value head
        assertEquals(1, PlanRequest.builder(1e21, PlanRequest.AMPLE).headsPerKvHead(8).build().kvHeads(12));
        assertEquals(4, PlanRequest.builder(1e21, PlanRequest.AMPLE).headsPerKvHead(3).build().kvHeads(12));
        assertThrows(PlanRequestException.class,
                () -> PlanRequest.builder(1e21, PlanRequest.AMPLE).headsPerKvHead(-1).build());
    }

    @Test
    void equalResourcesSharedExpertIsTopKExpertsWide() {
        SearchSpace ling = new SearchSpace(PlanRequest.builder(1e21, PlanRequest.AMPLE).build());
        SearchSpace er = new SearchSpace(PlanRequest.builder(1e21, PlanRequest.AMPLE).sharedExpertTopKWide(true).build());
        assertEquals(512, ling.moe(2048, 20, 1, 512, 256, 8).dShared(), "Ling: d_shared = d_expert");
        ModelShape s = er.moe(2048, 20, 1, 512, 256, 8);
        assertEquals(8 * 512, s.dShared(), "[ER]: d_shared = k·d_expert");
        assertEquals(8 * 512 + 8 * 512, s.dFfn(), "dense layers as wide as the active experts");
    }
}
