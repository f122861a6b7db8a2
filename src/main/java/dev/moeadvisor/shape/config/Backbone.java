package dev.moeadvisor.shape.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moeadvisor.shape.ModelShape;

import java.util.List;

/** The keys most model types share (Llama naming), and the routed-expert keys' common check. */
final class Backbone {

    private Backbone() {
    }

    /**
     * Vocabulary, layers, width, heads, key/value heads (default: heads), head size (default: width/heads) and
     * tied embeddings (default: untied, as in Llama's config class).
     */
    static ModelShape.Builder read(HfConfig c) {
        return ModelShape.builder().vocabSize(c.requiredInt("vocab_size")).layers(layers(c, "num_hidden_layers"))
                .dModel(c.requiredInt("hidden_size")).heads(c.requiredInt("num_attention_heads"))
                .kvHeads(c.optInt("num_key_value_heads")).headDim(c.optInt("head_dim"))
                .tiedEmbeddings(c.optBool("tie_word_embeddings", false));
    }

    /** A layer count, bounded before any per-layer list is built from it. */
    static int layers(HfConfig c, String key) {
        int layers = c.requiredInt(key);
        if (layers < 1 || layers > ModelShape.MAX_LAYERS) {
            throw ConfigImportException.invalid(c.name(key), "must be between 1 and " + ModelShape.MAX_LAYERS);
        }
        return layers;
    }

    /** Routed experts and experts per token, with {@code k ≤ E} checked against the config's own key names. */
    static void routed(HfConfig c, ModelShape.Builder b, String expertsKey, String topKKey) {
        int experts = c.requiredInt(expertsKey);
        int topK = c.requiredInt(topKKey);
        if (experts < 0) {
            throw ConfigImportException.invalid(c.name(expertsKey), "must not be negative");
        }
        if (topK > experts) {
            throw ConfigImportException.invalid(c.name(topKKey),
                    "must not exceed " + c.name(expertsKey) + " (" + experts + ")");
        }
        b.experts(experts).topK(topK);
    }

    /** {@code rope_scaling.original_max_position_embeddings}: the context before long-context extension. */
    static Integer originalContext(HfConfig c) {
        JsonNode rope = c.raw("rope_scaling");
        if (rope != null && rope.isObject()) {
            JsonNode n = rope.get("original_max_position_embeddings");
            if (n != null && n.canConvertToInt() && n.isIntegralNumber()) {
                return n.intValue();
            }
        }
        return null;
    }

    /** A 0/1 list from a per-layer predicate. */
    static List<Integer> pattern(int layers, java.util.function.IntPredicate moe) {
        return java.util.stream.IntStream.range(0, layers).map(i -> moe.test(i) ? 1 : 0).boxed().toList();
    }
}
