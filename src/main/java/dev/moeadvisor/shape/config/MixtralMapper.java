package dev.moeadvisor.shape.config;

import dev.moeadvisor.shape.ModelShape;

import java.util.List;

/**
 * Every layer MoE, experts of width {@code intermediate_size}, {@code num_local_experts} routed experts: Mixtral
 * (arXiv 2401.04088), Phi-3.5-MoE ({@code phimoe}) and Granite MoE ({@code granitemoe}). A {@code sliding_window}
 * (Mixtral, Phi) applies to every layer.
 */
final class MixtralMapper implements ModelTypeMapper {

    @Override
    public List<String> modelTypes() {
        return List.of("mixtral", "phimoe", "granitemoe");
    }

    @Override
    public ModelShape.Builder read(HfConfig c) {
        ModelShape.Builder b = Backbone.read(c).dExpert(c.requiredInt("intermediate_size"));
        Backbone.routed(c, b, "num_local_experts", "num_experts_per_tok");
        Integer window = c.optInt("sliding_window");
        if (window != null && window > 0) {
            b.slidingWindow(window);
        }
        return b;
    }
}
