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

    @Test
    void theDefaultAttentionIsGroupedQueryWithFourQueryHeadsPerKeyValueHead() {
        PlanRequest r = PlanRequest.builder(1e21, PlanRequest.AMPLE).build();
        assertEquals(AttentionKind.GQA, r.attention());
        // Ling-mini-2.0's config.json (data/shapes/known-shapes.json): 16 heads, 4 key/value heads at d_model 2048
        ModelShape s = new SearchSpace(r).moe(2048, 20, 1, 512, 256, 8);
        assertEquals(16, s.heads());
        assertEquals(4, s.kvHeads());
        assertEquals(null, s.mla());
        ModelShape mha = new SearchSpace(r.toBuilder().mha().build()).moe(2048, 20, 1, 512, 256, 8);
        assertEquals(16, mha.kvHeads(), "MHA: key/value heads = heads, the runs of arXiv 2506.12119");
        assertEquals(16, new SearchSpace(r.toBuilder().mha().build()).dense(2048, 20, 8192).kvHeads());
        assertEquals(4, new SearchSpace(r).dense(2048, 20, 8192).kvHeads(), "the dense baseline shares the rule");
    }

    @Test
    void latentAttentionTakesDeepSeekRatios() {
        SearchSpace space = new SearchSpace(PlanRequest.builder(1e21, PlanRequest.AMPLE)
                .attention(AttentionKind.MLA).build());
        // DeepSeek-V3's config.json at d_model 7168: q_lora_rank 1536, kv_lora_rank 512, qk_nope 128, qk_rope 64, v 128
        ModelShape v3 = space.moe(7168, 61, 3, 2048, 256, 8);
        assertEquals(new dev.moeadvisor.shape.MlaAttention(1536, 512, 128, 64, 128), v3.mla());
        // hand count, 56 heads: q 7168·1536 + 1536·56·192, kv 7168·576 + 512·56·256, out 56·128·7168
        assertEquals(90_374_144.0, ShapeMetrics.of(v3).attentionParamsPerLayer(), 0.0);
        // DeepSeek-V2-Lite at d_model 2048: no query latent (1536 > 2048/2)
        assertEquals(new dev.moeadvisor.shape.MlaAttention(0, 512, 128, 64, 128),
                space.moe(2048, 27, 1, 1408, 64, 6).mla());
        assertEquals(space.moe(2048, 27, 1, 1408, 64, 6).mla(), space.dense(2048, 27, 8192).mla());
        // attention FLOPs per token and layer: 2·S·n_h·(192 + 128), not 4·S·n_h·128
        assertEquals(2.0 * 4096 * 56 * (192 + 128), ShapeMetrics.attentionFlopsPerToken(v3, 0), 0.0);
    }

    @Test
    void interleavedMoeLayersAlternateWithDenseOnesOfTheActiveWidth() {
        PlanRequest r = PlanRequest.builder(1e21, PlanRequest.AMPLE).moeLayerStep(2).build();
        SearchSpace space = new SearchSpace(r);
        ModelShape s = space.moe(2048, 24, 0, 512, 64, 4);
        assertEquals(12, s.moeLayers(), "layers 1, 3, …, 23 (0-based) are MoE");
        assertEquals(false, s.isMoeLayer(0));
        assertEquals(true, s.isMoeLayer(1));
        assertEquals((4 + 1) * 512, s.dFfn(), "the dense layers have the MoE layer's active FFN width");
        ShapeMetrics m = ShapeMetrics.of(s);
        // hand count (GQA 16/4): attention 24·10,485,760; dense FFN 12·3·2048·2560;
        // MoE 12·(3·2048·(64·512 + 512) + 2048·64) total, 12·(3·2048·(4·512 + 512) + 2048·64) active
        assertEquals(2_895_642_624.0, m.totalParams(), 0.0);
        assertEquals(630_718_464.0, m.activeParams(), 0.0);
        // A and G are the MoE layer's (Ling §2–3): the same as with every layer MoE
        ShapeMetrics every = ShapeMetrics.of(new SearchSpace(r.toBuilder().moeLayerStep(1).build())
                .moe(2048, 24, 0, 512, 64, 4));
        assertEquals(5.0 / 65, m.activationRatioLing(), 1e-15);
        assertEquals(every.activationRatioLing(), m.activationRatioLing(), 0.0);
        assertEquals(8.0, m.granularity(), 0.0);
        assertEquals(false, space.buildable(0, 1 << 18, 8), "interleaved dense layers of 9·2^18 exceed MAX_WIDTH");
        assertThrows(PlanRequestException.class, () -> r.toBuilder().moeLayerStep(PlanRequest.MAX_MOE_LAYER_STEP + 1).build());
        assertEquals(true, r.departuresFromEvidence().stream().anyMatch(x -> x.startsWith("MoE every 2 layers")));
        assertEquals(false, PlanRequest.builder(1e21, PlanRequest.AMPLE).build().departuresFromEvidence().stream()
                .anyMatch(x -> x.startsWith("MoE every")));
    }
}
