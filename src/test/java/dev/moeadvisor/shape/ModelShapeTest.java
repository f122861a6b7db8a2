package dev.moeadvisor.shape;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelShapeTest {

    static ModelShape.Builder tinyMoe() {
        return ModelShape.builder().vocabSize(1000).seqLen(128).layers(2).dModel(64).heads(4).experts(8).topK(2)
                .dExpert(32).sharedExperts(1);
    }

    @Test
    void handComputedTinyMoe() {
        // attention/layer: 4·64·64 = 16384; MoE total/layer: 3·64·(8·32 + 32) + 64·8 = 55808;
        // MoE active/layer: 3·64·(2·32 + 32) + 64·8 = 18944.
        ShapeMetrics m = ShapeMetrics.of(tinyMoe().build());
        assertEquals(2 * (16384 + 55808), m.totalParams());
        assertEquals(2 * (16384 + 18944), m.activeParams());
        assertEquals(2 * 1000 * 64, m.embeddingParams());
        // M_fwd = 2·70656 + 4·128·2·4·16 = 141312 + 65536
        assertEquals(141312 + 65536, m.flopsPerTokenForward());
        assertEquals(3 * (141312 + 65536), m.flopsPerTokenTraining());
        assertEquals(3.0 / 9.0, m.activationRatioLing(), 1e-15, "A = (k + s)/(E + s), s = 1");
        assertEquals(0.25, m.activationRatioRouted(), 1e-15);
        assertEquals(4.0, m.granularity(), 1e-15, "G = 2·64/32");
    }

    @Test
    void denseHasUnitRatiosAndNoGranularity() {
        ShapeMetrics m = ShapeMetrics.of(ModelShape.builder().vocabSize(10).seqLen(8).layers(3).dModel(64).heads(4)
                .dFfn(256).tiedEmbeddings(true).build());
        assertEquals(1.0, m.activationRatioLing());
        assertEquals(1.0, m.activationRatioParams());
        assertTrue(Double.isNaN(m.granularity()));
        assertEquals(10 * 64, m.embeddingParams(), "tied: counted once");
    }

    @Test
    void rejectsImpossibleShapesNamingEachField() {
        InvalidShapeException e = assertThrows(InvalidShapeException.class,
                () -> tinyMoe().topK(9).dModel(0).build());
        var fields = e.violations().stream().map(InvalidShapeException.Violation::field).toList();
        assertTrue(fields.contains("topK"), fields.toString());
        assertTrue(fields.contains("dModel"), fields.toString());
        assertThrows(InvalidShapeException.class, () -> tinyMoe().denseLayers(3).build());
        assertThrows(InvalidShapeException.class, () -> tinyMoe().kvHeads(3).build(), "kvHeads must divide heads");
        assertThrows(InvalidShapeException.class, () -> tinyMoe().dExpert(-5).build());
    }
}
