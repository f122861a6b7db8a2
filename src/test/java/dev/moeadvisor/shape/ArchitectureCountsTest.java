package dev.moeadvisor.shape;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MLA, layer patterns, MTP and sliding windows against counts done by hand (the arithmetic is written out). */
class ArchitectureCountsTest {

    /** DeepSeek-V3 (arXiv 2412.19437; config.json of deepseek-ai/DeepSeek-V3). */
    static ModelShape deepSeekV3() {
        return ModelShape.builder().vocabSize(129280).seqLen(4096).layers(61).denseLayers(3).dModel(7168).heads(128)
                .dFfn(18432).experts(256).topK(8).sharedExperts(1).dExpert(2048)
                .mla(new MlaAttention(1536, 512, 128, 64, 128)).mtpModules(1).build();
    }

    @Test
    void deepSeekV3WithinOneTenthPercentOfAHandCount() {
        // MLA per layer (d = 7168, n_h = 128):
        //   q  = 7168·1536 + 1536·128·(128+64)        = 11,010,048 + 37,748,736 = 48,758,784
        //   kv = 7168·(512+64) + 512·128·(128+128)     =  4,128,768 + 16,777,216 = 20,905,984
        //   o  = 128·128·7168                          = 117,440,512
        //   attention                                  = 187,105,280
        // dense FFN  = 3·7168·18432                    = 396,361,728
        // MoE total  = 3·7168·(256·2048 + 2048) + 7168·256 = 11,318,329,344 + 1,835,008 = 11,320,164,352
        // MoE active = 3·7168·(8·2048 + 2048) + 7168·256   =    396,361,728 + 1,835,008 =    398,196,736
        // N_total  = 61·187,105,280 + 3·396,361,728 + 58·11,320,164,352 = 669,172,039,680
        // N_active = 61·187,105,280 + 3·396,361,728 + 58·398,196,736    =  35,697,917,952
        // embeddings 2·129280·7168 = 1,853,358,080 → 671.03B total (card: 671B)
        // active with the output head only: 35,697,917,952 + 926,679,040 = 36,624,596,992 (card: 36.6B)
        // MTP: 187,105,280 + 2·7168² + 11,320,164,352 = 11,610,030,080 (card: 11.5B unique)
        ShapeMetrics m = ShapeMetrics.of(deepSeekV3());
        assertEquals(187_105_280.0, m.attentionParamsPerLayer(), 0.0);
        assertEquals(669_172_039_680.0, m.totalParams(), 669_172_039_680.0 * 0.001);
        assertEquals(35_697_917_952.0, m.activeParams(), 35_697_917_952.0 * 0.001);
        assertEquals(1_853_358_080.0, m.embeddingParams(), 0.0);
        assertEquals(36_624_596_992.0, m.activeParams(CountConvention.WITH_UNEMBEDDING), 36_624_596_992.0 * 0.001);
        assertEquals(671_025_397_760.0, m.totalParams(CountConvention.WITH_EMBEDDINGS), 671_025_397_760.0 * 0.001);
        assertEquals(11_610_030_080.0, m.mtpParams(), 11_610_030_080.0 * 0.001);
        // Attention FLOPs: 61 · 2·4096·128·(192 + 128) = 20,468,203,520; M = 3·(2·N_active + that)
        assertEquals(3 * (2 * 35_697_917_952.0 + 20_468_203_520.0), m.flopsPerTokenTraining(), 1e6);
    }

    @Test
    void mlaWithoutQueryLatentProjectsQueriesDirectly() {
        // DeepSeek-V2-Lite attention, d = 2048, n_h = 16, no q latent:
        //   q = 2048·16·192 = 6,291,456; kv = 2048·576 + 512·16·256 = 1,179,648 + 2,097,152 = 3,276,800;
        //   o = 16·128·2048 = 4,194,304; sum 13,762,560
        assertEquals(13_762_560.0, new MlaAttention(0, 512, 128, 64, 128).paramsPerLayer(2048, 16), 0.0);
    }

    @Test
    void interleavedLayersCountMoeOnlyWhereThePatternSaysSo() {
        // 4 layers, step 2 → MoE at layers 1 and 3; attention 4·64·64 = 16384; dense FFN 3·64·128 = 24576;
        // MoE total 3·64·(8·32) + 64·8 = 49664, active 3·64·(2·32) + 512 = 12800
        ModelShape s = ModelShape.builder().vocabSize(10).seqLen(16).layers(4).dModel(64).heads(4).dFfn(128)
                .experts(8).topK(2).dExpert(32).moeLayerStep(2).build();
        assertEquals(2, s.moeLayers());
        assertFalse(s.isMoeLayer(0));
        assertTrue(s.isMoeLayer(1));
        ShapeMetrics m = ShapeMetrics.of(s);
        assertEquals(4 * 16384 + 2 * 24576 + 2 * 49664, m.totalParams(), 0.0);
        assertEquals(4 * 16384 + 2 * 24576 + 2 * 12800, m.activeParams(), 0.0);
        ModelShape explicit = s.toBuilder().moeLayerStep(1).moeLayerPattern(List.of(0, 1, 0, 1)).build();
        assertEquals(m.totalParams(), ShapeMetrics.of(explicit).totalParams(), 0.0);
        assertEquals(1, explicit.denseLayers(), "denseLayers = the pattern's leading zeros");
        ModelShape leadingDense = s.toBuilder().moeLayerStep(1).moeLayerPattern(List.of(0, 0, 1, 1)).build();
        assertEquals(2, leadingDense.denseLayers());
    }

    @Test
    void slidingWindowLayersAttendOverTheWindowOnly() {
        // 2 layers, S = 1024, window 128 on layer 0: attention FLOPs 2·128·4·(16+16) + 2·1024·4·(16+16)
        ModelShape full = ModelShape.builder().vocabSize(10).seqLen(1024).layers(2).dModel(64).heads(4).dFfn(128)
                .build();
        ModelShape windowed = full.toBuilder().slidingWindow(128).slidingWindowPattern(List.of(1, 0)).build();
        double n = ShapeMetrics.of(full).activeParams();
        assertEquals(2 * n + 2.0 * 128 * 4 * 32 + 2.0 * 1024 * 4 * 32, ShapeMetrics.of(windowed).flopsPerTokenForward(), 0.0);
        assertEquals(2 * n + 4.0 * 1024 * 2 * 4 * 16, ShapeMetrics.of(full).flopsPerTokenForward(), 0.0);
        assertEquals(n, ShapeMetrics.of(windowed).activeParams(), 0.0, "a window changes FLOPs, not parameters");
    }

    @Test
    void conventionsDifferByTheEmbeddingMatrices() {
        ShapeMetrics m = ShapeMetrics.of(deepSeekV3());
        assertEquals(m.activeParams() + 129280.0 * 7168, m.activeParams(CountConvention.WITH_UNEMBEDDING), 0.0);
        assertEquals(m.activeParams() + 2 * 129280.0 * 7168, m.activeParams(CountConvention.WITH_EMBEDDINGS), 0.0);
    }

    @Test
    void inconsistentLayoutsAreRefusedNamingTheField() {
        ModelShape.Builder b = ModelShape.builder().vocabSize(10).seqLen(16).layers(4).dModel(64).heads(4).dFfn(128)
                .experts(8).topK(2).dExpert(32);
        assertField("moeLayerPattern", () -> b.moeLayerPattern(List.of(1, 1)).build());
        List<Integer> withNull = new ArrayList<>(Collections.nCopies(4, 1));
        withNull.set(2, null);
        assertField("moeLayerPattern", () -> b.moeLayerPattern(withNull).build());
        assertField("moeLayerPattern", () -> b.moeLayerPattern(List.of(1, 2, 1, 1)).build());
        assertField("slidingWindow", () -> b.moeLayerPattern(null).slidingWindowPattern(List.of(1, 0, 1, 0)).build());
        assertField("mla.kvLoraRank", () -> b.slidingWindowPattern(null).mla(new MlaAttention(0, 0, 128, 64, 128)).build());
        assertField("mtpModules", () -> b.mla(null).mtpModules(-1).build());
    }

    private static void assertField(String field, Runnable r) {
        InvalidShapeException e = assertThrows(InvalidShapeException.class, r::run);
        assertTrue(e.violations().stream().anyMatch(v -> v.field().equals(field)), e.getMessage());
    }
}
