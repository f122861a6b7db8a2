package dev.moeadvisor.shape.config;

import dev.moeadvisor.shape.ModelShape;

import java.util.List;

/**
 * gpt-oss (OpenAI gpt-oss model card, arXiv 2508.10925): every layer MoE with {@code num_local_experts} experts of
 * width {@code intermediate_size}; the layers whose {@code layer_types} entry is {@code sliding_attention} attend
 * within {@code sliding_window} tokens. The pre-training length is {@code initial_context_length}.
 */
final class GptOssMapper implements ModelTypeMapper {

    @Override
    public List<String> modelTypes() {
        return List.of("gpt_oss");
    }

    @Override
    public ModelShape.Builder read(HfConfig c) {
        ModelShape.Builder b = Backbone.read(c).dExpert(c.requiredInt("intermediate_size"));
        Backbone.routed(c, b, "num_local_experts", c.has("num_experts_per_tok") ? "num_experts_per_tok" : "experts_per_token");
        int layers = c.requiredInt("num_hidden_layers");
        List<String> types = c.textList("layer_types");
        Integer window = c.optInt("sliding_window");
        if (window != null && window > 0) {
            b.slidingWindow(window);
            if (!types.isEmpty()) {
                if (types.size() != layers) {
                    throw ConfigImportException.invalid(c.name("layer_types"),
                            "must list one entry per layer (" + layers + ")");
                }
                b.slidingWindowPattern(Backbone.pattern(layers, i -> types.get(i).equals("sliding_attention")));
            }
        }
        return b;
    }

    @Override
    public Integer statedSeqLen(HfConfig c) {
        return c.optInt("initial_context_length");
    }
}
