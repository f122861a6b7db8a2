package dev.moeadvisor.shape.config;

import dev.moeadvisor.shape.ModelShape;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Llama 4 (Meta's Llama 4 model cards; {@code text_config} of a {@code llama4} file, or a {@code llama4_text} file):
 * MoE layers at {@code moe_layers}, by default every {@code interleave_moe_layer_step}-th layer
 * ({@code step − 1, 2·step − 1, …}), each with {@code num_local_experts} routed experts and one shared expert, all of
 * width {@code intermediate_size}; the other layers are dense of width {@code intermediate_size_mlp}.
 */
final class Llama4Mapper implements ModelTypeMapper {

    @Override
    public List<String> modelTypes() {
        return List.of("llama4", "llama4_text");
    }

    @Override
    public HfConfig section(HfConfig file) {
        return file.has("text_config") ? file.child("text_config") : file;
    }

    @Override
    public ModelShape.Builder read(HfConfig c) {
        ModelShape.Builder b = Backbone.read(c);
        int layers = c.requiredInt("num_hidden_layers");
        Backbone.routed(c, b, "num_local_experts", "num_experts_per_tok");
        int width = c.requiredInt("intermediate_size");
        b.dExpert(width).sharedExperts(1).dShared(width);
        int step = c.optInt("interleave_moe_layer_step", 1);
        List<Integer> listed = c.intList("moe_layers");
        Set<Integer> moe = new HashSet<>(listed);
        if (listed.isEmpty()) {
            if (step < 1) {
                throw ConfigImportException.invalid(c.name("interleave_moe_layer_step"), "must be positive");
            }
            for (int i = step - 1; i < layers; i += step) {
                moe.add(i);
            }
        }
        if (moe.size() < layers) {
            b.moeLayerPattern(Backbone.pattern(layers, moe::contains)).dFfn(c.requiredInt("intermediate_size_mlp"));
        }
        return b;
    }
}
