package dev.moeadvisor.shape.config;

import dev.moeadvisor.shape.ModelShape;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Qwen's MoE ({@code qwen2_moe}, {@code qwen3_moe}) and OLMoE ({@code olmoe}): {@code num_experts} routed experts of
 * width {@code moe_intermediate_size} (OLMoE: {@code intermediate_size}); Qwen2-MoE adds one shared expert of width
 * {@code shared_expert_intermediate_size}. Layer {@code i} is MoE when it is not in {@code mlp_only_layers} and
 * {@code (i + 1) % decoder_sparse_step == 0}; other layers have a dense FFN of width {@code intermediate_size}.
 */
final class QwenMoeMapper implements ModelTypeMapper {

    @Override
    public List<String> modelTypes() {
        return List.of("qwen2_moe", "qwen3_moe", "olmoe");
    }

    @Override
    public ModelShape.Builder read(HfConfig c) {
        ModelShape.Builder b = Backbone.read(c);
        Backbone.routed(c, b, "num_experts", "num_experts_per_tok");
        if (!c.has("moe_intermediate_size")) {
            return b.dExpert(c.requiredInt("intermediate_size")); // OLMoE
        }
        b.dExpert(c.requiredInt("moe_intermediate_size"));
        int shared = c.optInt("shared_expert_intermediate_size", 0);
        if (shared > 0) {
            b.sharedExperts(1).dShared(shared);
        }
        int layers = c.requiredInt("num_hidden_layers");
        int step = c.optInt("decoder_sparse_step", 1);
        if (step < 1) {
            throw ConfigImportException.invalid(c.name("decoder_sparse_step"), "must be positive");
        }
        Set<Integer> mlpOnly = new HashSet<>(c.intList("mlp_only_layers"));
        if (step > 1 || !mlpOnly.isEmpty()) {
            b.moeLayerPattern(Backbone.pattern(layers, i -> !mlpOnly.contains(i) && (i + 1) % step == 0));
            b.dFfn(c.requiredInt("intermediate_size"));
        }
        return b;
    }
}
