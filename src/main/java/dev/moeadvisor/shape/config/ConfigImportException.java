package dev.moeadvisor.shape.config;

import java.util.List;

/**
 * A Hugging Face {@code config.json} the advisor cannot read: a key it needs is missing or unusable
 * ({@link Kind#INVALID}), or its {@code model_type} is not one it knows ({@link Kind#UNKNOWN_MODEL_TYPE}).
 */
public class ConfigImportException extends RuntimeException {

    /** What went wrong. */
    public enum Kind { INVALID, UNKNOWN_MODEL_TYPE }

    private final Kind kind;
    private final String key;
    private final String reason;
    private final List<String> supported;

    private ConfigImportException(Kind kind, String key, String reason, List<String> supported) {
        super(key + ": " + reason);
        this.kind = kind;
        this.key = key;
        this.reason = reason;
        this.supported = supported;
    }

    static ConfigImportException invalid(String key, String reason) {
        return new ConfigImportException(Kind.INVALID, key, reason, List.of());
    }

    static ConfigImportException unknownModelType(String modelType, List<String> supported) {
        return new ConfigImportException(Kind.UNKNOWN_MODEL_TYPE, "model_type",
                "'" + modelType + "' is not supported; supported: " + String.join(", ", supported), supported);
    }

    public Kind kind() {
        return kind;
    }

    /** The config key at fault (dotted for nested keys, e.g. {@code text_config.hidden_size}). */
    public String key() {
        return key;
    }

    public String reason() {
        return reason;
    }

    /** The supported model types (for {@link Kind#UNKNOWN_MODEL_TYPE}). */
    public List<String> supported() {
        return supported;
    }
}
