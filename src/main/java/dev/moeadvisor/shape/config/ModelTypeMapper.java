package dev.moeadvisor.shape.config;

import dev.moeadvisor.shape.ModelShape;

import java.util.List;

/**
 * Reads the {@code config.json} of some Hugging Face model types into a {@link ModelShape} (all but the sequence
 * length, which {@link ConfigImporter} sets). Each implementation reads only the keys that change counts or FLOPs;
 * whatever it does not read is reported as ignored.
 */
interface ModelTypeMapper {

    /** The {@code model_type} values this mapper reads. */
    List<String> modelTypes();

    /** The object holding the model's keys (Llama 4: {@code text_config}); the file itself by default. */
    default HfConfig section(HfConfig file) {
        return file;
    }

    /** The shape, sequence length not yet set. */
    ModelShape.Builder read(HfConfig c);

    /** The pre-training sequence length if the config states it, else null. */
    default Integer statedSeqLen(HfConfig c) {
        return Backbone.originalContext(c);
    }
}
