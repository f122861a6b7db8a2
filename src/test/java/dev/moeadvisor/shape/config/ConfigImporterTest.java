package dev.moeadvisor.shape.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moeadvisor.shape.KnownShape;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real {@code config.json} files (test resources {@code hf-configs/}, sources in their README) read into shapes whose
 * counts equal those of the bundled known shape built from the model card (data/shapes/known-shapes.json), which
 * {@code KnownShapeCountsTest} checks against the card.
 */
class ConfigImporterTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode file(String name) throws Exception {
        try (InputStream in = ConfigImporterTest.class.getClassLoader().getResourceAsStream("hf-configs/" + name)) {
            return MAPPER.readTree(in);
        }
    }

    static ModelShape known(String id) throws Exception {
        try (InputStream in = ConfigImporterTest.class.getClassLoader()
                .getResourceAsStream("data/shapes/known-shapes.json")) {
            List<KnownShape> all = MAPPER.readerFor(new TypeReference<List<KnownShape>>() { })
                    .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).readValue(in);
            return all.stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow().shape();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "qwen3-30b-a3b.json, qwen3_moe, qwen3-30b-a3b, 4096, default",
            "moonlight-16b-a3b.json, deepseek_v3, moonlight-16b-a3b, 4096, default",
            "deepseek-coder-v2-lite.json, deepseek_v2, deepseek-v2-lite, 4096, default",
            "gpt-oss-120b.json, gpt_oss, gpt-oss-120b, 4096, config",
            "mixtral-8x22b.json, mixtral, mixtral-8x22b, 4096, default",
            "llama-4-maverick.json, llama4, llama-4-maverick, 4096, default",
            "ernie-4.5-21b-a3b.json, ernie4_5_moe, ernie-4.5-21b-a3b, 4096, default",
            "dots-llm1-inst.json, dots1, dots-llm1, 4096, default",
            "hunyuan-a13b.json, hunyuan_v1_moe, hunyuan-a13b, 4096, default"})
    void realConfigsGiveTheKnownShapesCounts(String file, String type, String knownId, int seqLen, String source)
            throws Exception {
        ImportedShape imported = ConfigImporter.read(file(file), null);
        assertEquals(type, imported.modelType());
        assertEquals(seqLen, imported.shape().seqLen());
        assertEquals(source, imported.seqLenSource());
        ModelShape card = known(knownId);
        ModelShape same = imported.shape().toBuilder().seqLen(card.seqLen()).build();
        assertEquals(ShapeMetrics.of(card), ShapeMetrics.of(same), "every count and FLOP figure");
        for (int i = 0; i < card.layers(); i++) {
            assertEquals(card.isMoeLayer(i), same.isMoeLayer(i), "layer " + i + " MoE");
            assertEquals(card.isSlidingWindowLayer(i), same.isSlidingWindowLayer(i), "layer " + i + " window");
        }
        assertTrue(imported.ignoredKeys().stream().noneMatch(k -> k.endsWith("hidden_size")), imported.ignoredKeys().toString());
    }

    @Test
    void interleavedLlama4AndLatentDeepSeekAreReadAsSuch() throws Exception {
        ModelShape maverick = ConfigImporter.read(file("llama-4-maverick.json"), 8192).shape();
        assertEquals(24, maverick.moeLayers());
        assertTrue(maverick.isMoeLayer(1) && !maverick.isMoeLayer(0));
        assertEquals(16384, maverick.dFfn());
        assertEquals(8192, maverick.seqLen());
        ImportedShape lite = ConfigImporter.read(file("deepseek-coder-v2-lite.json"), null);
        assertEquals(0, lite.shape().mla().qLoraRank());
        assertEquals(512, lite.shape().mla().kvLoraRank());
        assertTrue(lite.ignoredKeys().containsAll(List.of("max_position_embeddings", "rope_theta", "scoring_func")),
                lite.ignoredKeys().toString());
        List<String> ignored = ConfigImporter.read(file("llama-4-maverick.json"), null).ignoredKeys();
        assertTrue(ignored.contains("text_config.rope_theta") && ignored.contains("boi_token_index"), ignored.toString());
    }

    @Test
    void missingKeysAndImpossibleRoutingNameTheKey() throws Exception {
        JsonNode noHidden = file("qwen3-30b-a3b.json").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) noHidden).remove("hidden_size");
        assertEquals("hidden_size", assertThrows(ConfigImportException.class,
                () -> ConfigImporter.read(noHidden, null)).key());
        JsonNode tooMany = file("mixtral-8x22b.json").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) tooMany).put("num_experts_per_tok", 9);
        ConfigImportException e = assertThrows(ConfigImportException.class, () -> ConfigImporter.read(tooMany, null));
        assertEquals("num_experts_per_tok", e.key());
        assertTrue(e.reason().contains("num_local_experts (8)"), e.reason());
        JsonNode llama4 = file("llama-4-maverick.json").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) llama4.get("text_config")).remove("hidden_size");
        assertEquals("text_config.hidden_size", assertThrows(ConfigImportException.class,
                () -> ConfigImporter.read(llama4, null)).key());
    }

    @Test
    void unknownModelTypesListTheSupportedOnes() throws Exception {
        JsonNode config = MAPPER.readTree("{\"model_type\": \"mamba\", \"hidden_size\": 8}");
        ConfigImportException e = assertThrows(ConfigImportException.class, () -> ConfigImporter.read(config, null));
        assertEquals(ConfigImportException.Kind.UNKNOWN_MODEL_TYPE, e.kind());
        assertTrue(e.supported().containsAll(List.of("mixtral", "qwen2_moe", "qwen3_moe", "olmoe", "deepseek_v2",
                "deepseek_v3", "llama4", "gpt_oss", "glm4_moe", "dots1", "ernie4_5_moe", "phimoe", "granitemoe",
                "dbrx", "bailing_moe", "hunyuan_v1_moe", "llama", "qwen2", "qwen3")), e.supported().toString());
        assertEquals("config", assertThrows(ConfigImportException.class,
                () -> ConfigImporter.read(MAPPER.readTree("[1, 2]"), null)).key());
    }
}
