package dev.moeadvisor.shape.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moeadvisor.shape.ModelShape;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Hugging Face {@code config.json} into a {@link ModelShape}, one small {@link ModelTypeMapper} per family of
 * {@code model_type}s. The sequence length is the caller's, else the pre-training length the config states
 * ({@code rope_scaling.original_max_position_embeddings}; gpt-oss {@code initial_context_length}; DBRX
 * {@code max_seq_len}), else {@value #DEFAULT_SEQ_LEN}; {@code max_position_embeddings} (usually the long-context
 * length) is not used.
 */
public final class ConfigImporter {

    public static final int DEFAULT_SEQ_LEN = 4096;

    private static final Map<String, ModelTypeMapper> MAPPERS = new LinkedHashMap<>();

    static {
        for (ModelTypeMapper m : List.of(new MixtralMapper(), new QwenMoeMapper(), DeepSeekMapper.latent(),
                DeepSeekMapper.grouped(), DeepSeekMapper.bailing(), new Llama4Mapper(), new GptOssMapper(),
                new ErnieMoeMapper(), new DbrxMapper(), new HunyuanMoeMapper(), new DenseMapper())) {
            m.modelTypes().forEach(t -> MAPPERS.put(t, m));
        }
    }

    private ConfigImporter() {
    }

    /** The model types this importer reads. */
    public static List<String> supportedModelTypes() {
        return List.copyOf(MAPPERS.keySet());
    }

    /**
     * @param config the parsed file
     * @param seqLen the caller's sequence length, or null
     * @throws ConfigImportException naming the key at fault
     * @throws dev.moeadvisor.shape.InvalidShapeException when the values read make an impossible shape
     */
    public static ImportedShape read(JsonNode config, Integer seqLen) {
        if (config == null || !config.isObject()) {
            throw ConfigImportException.invalid("config", "must be a JSON object (the contents of config.json)");
        }
        HfConfig file = new HfConfig((ObjectNode) config, "");
        String type = file.optText("model_type");
        if (type == null) {
            throw ConfigImportException.invalid("model_type", "is required");
        }
        ModelTypeMapper mapper = MAPPERS.get(type);
        if (mapper == null) {
            throw ConfigImportException.unknownModelType(type, supportedModelTypes());
        }
        HfConfig section = mapper.section(file);
        ModelShape.Builder b = mapper.read(section);
        Integer stated = mapper.statedSeqLen(section);
        String source;
        int s;
        if (seqLen != null) {
            s = seqLen;
            source = "request";
        } else if (stated != null && stated > 0) {
            s = stated;
            source = "config";
        } else {
            s = DEFAULT_SEQ_LEN;
            source = "default";
        }
        ModelShape shape = b.seqLen(s).build();
        return new ImportedShape(type, shape, file.ignoredKeys(), source);
    }
}
