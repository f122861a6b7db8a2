package dev.moeadvisor.shape.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moeadvisor.shape.KnownShape;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Export → import reproduces every bundled shape's counts; Megatron arguments carry the shape. */
class ConfigExporterTest {

    static List<KnownShape> knownShapes() throws Exception {
        try (InputStream in = ConfigExporterTest.class.getClassLoader().getResourceAsStream("data/shapes/known-shapes.json")) {
            return new ObjectMapper().readerFor(new TypeReference<List<KnownShape>>() { })
                    .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).readValue(in);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knownShapes")
    void hfRoundTripReproducesTheShapeAndItsCounts(KnownShape k) {
        ModelShape s = k.shape();
        ImportedShape back = ConfigImporter.read(ConfigExporter.hfConfig(s), s.seqLen());
        assertEquals(ConfigExporter.hfModelType(s), back.modelType());
        assertEquals(ShapeMetrics.of(s), ShapeMetrics.of(back.shape()), "counts and FLOPs");
        for (int i = 0; i < s.layers(); i++) {
            assertEquals(s.isMoeLayer(i), back.shape().isMoeLayer(i), "layer " + i);
        }
        assertEquals(s.mla(), back.shape().mla());
        assertEquals(s.mtpModules(), back.shape().mtpModules());
        assertEquals(s.vocabSize(), back.shape().vocabSize());
        assertEquals(s.tiedEmbeddings(), back.shape().tiedEmbeddings());
    }

    @Test
    void megatronArgumentsOfDeepSeekV3() throws Exception {
        ModelShape v3 = knownShapes().stream().filter(k -> k.id().equals("deepseek-v3")).findFirst().orElseThrow().shape();
        List<String> a = ConfigExporter.megatronArgs(v3, TrainingSettings.of(2.2e-4, 4096 * 4096.0, 14.8e12, 4096));
        assertTrue(a.containsAll(List.of("--num-layers 61", "--hidden-size 7168", "--num-attention-heads 128",
                "--ffn-hidden-size 18432", "--num-experts 256", "--moe-router-topk 8", "--moe-ffn-hidden-size 2048",
                "--moe-shared-expert-intermediate-size 2048", "--moe-layer-freq '([0]*3+[1]*58)'",
                "--multi-latent-attention", "--q-lora-rank 1536", "--kv-lora-rank 512", "--qk-head-dim 128",
                "--qk-pos-emb-head-dim 64", "--v-head-dim 128", "--mtp-num-layers 1", "--seq-length 4096",
                "--lr 2.200e-04", "--global-batch-size 4096")), a.toString());
        // 14.8e12 tokens / (4096 sequences · 4096 tokens) = 882,148.4 → 882,149 steps
        assertTrue(a.contains("--train-iters 882149"), a.toString());
    }

    @Test
    void interleavedLayoutsAreWrittenAsAnExplicitList() throws Exception {
        ModelShape maverick = knownShapes().stream().filter(k -> k.id().equals("llama-4-maverick")).findFirst()
                .orElseThrow().shape();
        String freq = ConfigExporter.layerFreq(maverick);
        assertTrue(freq.startsWith("[0,1,0,1"), freq);
        assertEquals(48, freq.split(",").length);
        String toml = ConfigExporter.torchtitanToml(maverick, TrainingSettings.NONE);
        assertTrue(toml.contains("[training]\nseq_len = 8192"), toml);
    }

    @Test
    void whatNoFormatExpressesIsRefused() throws Exception {
        ModelShape oss = knownShapes().stream().filter(k -> k.id().equals("gpt-oss-20b")).findFirst().orElseThrow().shape();
        assertThrows(IllegalArgumentException.class, () -> ConfigExporter.megatronArgs(oss, TrainingSettings.NONE));
        ModelShape odd = oss.toBuilder().sharedExperts(1).dShared(1000).slidingWindow(0).slidingWindowPattern(null)
                .mtpModules(1).build();
        assertThrows(IllegalArgumentException.class, () -> ConfigExporter.hfModelType(odd));
    }
}
