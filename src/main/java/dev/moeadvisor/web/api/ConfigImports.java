package dev.moeadvisor.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.config.ConfigImportException;
import dev.moeadvisor.shape.config.ConfigImporter;
import dev.moeadvisor.shape.config.ImportedShape;
import dev.moeadvisor.web.error.Problem;
import dev.moeadvisor.web.error.ProblemException;

import java.util.List;

/** A pasted or posted {@code config.json} read into a shape, with the API's problems (used by the API and the page). */
public final class ConfigImports {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConfigImports() {
    }

    /**
     * @throws ProblemException 400 naming the key (or {@code config} for text that is not a JSON object), 422 for an
     *                          unknown {@code model_type} (listing the supported ones)
     */
    public static ImportedShape read(String body, Integer seqLen) {
        if (seqLen != null && (seqLen < 1 || seqLen > ModelShape.MAX_SEQ_LEN)) {
            throw ProblemException.badField("seqLen", "must be between 1 and " + ModelShape.MAX_SEQ_LEN);
        }
        JsonNode tree;
        try {
            tree = body == null || body.isBlank() ? null : MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badField("config", "is not JSON: " + e.getOriginalMessage());
        }
        if (tree == null) {
            throw ProblemException.badField("config", "is empty: paste the contents of a config.json");
        }
        try {
            return ConfigImporter.read(tree, seqLen);
        } catch (ConfigImportException e) {
            if (e.kind() == ConfigImportException.Kind.UNKNOWN_MODEL_TYPE) {
                throw new ProblemException(422, "unsupported-model-type", "Unsupported model type", e.getMessage(),
                        List.of(new Problem.FieldError("model_type", e.reason())));
            }
            throw ProblemException.badField(e.key(), e.reason());
        }
    }
}
