package dev.moeadvisor.shape.config;

import dev.moeadvisor.shape.ModelShape;

import java.util.List;

/**
 * ERNIE 4.5 MoE ({@code ernie4_5_moe}): {@code moe_num_experts} routed experts of width {@code moe_intermediate_size},
 * {@code moe_k} per token, {@code moe_num_shared_experts} shared experts of the same width; layer {@code i} is MoE when
 * {@code (i + 1) % moe_layer_interval == 0} and {@code moe_layer_start_index ≤ i ≤ moe_layer_end_index} (negative
 * end = the last layer); the others are dense of width {@code intermediate_size}.
 */
final class ErnieMoeMapper implements ModelTypeMapper {

    @Override
    public List<String> modelTypes() {
        return List.of("ernie4_5_moe");
    }

    @Override
    public ModelShape.Builder read(HfConfig c) {
        ModelShape.Builder b = Backbone.read(c);
        int layers = c.requiredInt("num_hidden_layers");
        Backbone.routed(c, b, "moe_num_experts", "moe_k");
        int width = c.requiredInt("moe_intermediate_size");
        b.dExpert(width);
        int shared = c.optInt("moe_num_shared_experts", 0);
        if (shared > 0) {
            b.sharedExperts(shared).dShared(width);
        }
        int start = c.optInt("moe_layer_start_index", 0);
        int endGiven = c.optInt("moe_layer_end_index", -1);
        int end = endGiven < 0 ? layers - 1 : endGiven;
        int interval = c.optInt("moe_layer_interval", 1);
        if (interval < 1) {
            throw ConfigImportException.invalid(c.name("moe_layer_interval"), "must be positive");
        }
        List<Integer> pattern = Backbone.pattern(layers, i -> (i + 1) % interval == 0 && i >= start && i <= end);
        if (pattern.contains(0)) {
            b.moeLayerPattern(pattern).dFfn(c.requiredInt("intermediate_size"));
        }
        return b;
    }
}
