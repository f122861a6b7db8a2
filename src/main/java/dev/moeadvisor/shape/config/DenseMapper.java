package dev.moeadvisor.shape.config;

import dev.moeadvisor.shape.ModelShape;

import java.util.List;

/** Dense Llama-style models: {@code intermediate_size} is the FFN width of every layer. */
final class DenseMapper implements ModelTypeMapper {

    @Override
    public List<String> modelTypes() {
        return List.of("llama", "qwen2", "qwen3", "mistral");
    }

    @Override
    public ModelShape.Builder read(HfConfig c) {
        ModelShape.Builder b = Backbone.read(c).dFfn(c.requiredInt("intermediate_size"));
        return b.denseLayers(c.requiredInt("num_hidden_layers"));
    }
}
