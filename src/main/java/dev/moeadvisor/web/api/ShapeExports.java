package dev.moeadvisor.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.config.ConfigExporter;
import dev.moeadvisor.shape.config.TrainingSettings;
import dev.moeadvisor.web.error.Problem;
import dev.moeadvisor.web.error.ProblemException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The export formats of a shape, as HTTP answers (one place for the shape and the plan export endpoints). */
public final class ShapeExports {

    static final List<String> FORMATS = List.of("hf", "megatron", "torchtitan");
    private static final ObjectMapper PRETTY = new ObjectMapper();

    private ShapeExports() {
    }

    public static Response export(ModelShape shape, String format, TrainingSettings training, String baseName) {
        String f = format == null ? "hf" : format;
        try {
            return switch (f) {
                case "hf" -> file(PRETTY.writerWithDefaultPrettyPrinter().writeValueAsString(ConfigExporter.hfConfig(shape)),
                        MediaType.APPLICATION_JSON, "config.json");
                case "megatron" -> file(String.join(" \\\n", ConfigExporter.megatronArgs(shape, training)) + "\n",
                        MediaType.TEXT_PLAIN, baseName + "-megatron-args.txt");
                case "torchtitan" -> file(ConfigExporter.torchtitanToml(shape, training), "application/toml",
                        baseName + "-torchtitan.toml");
                default -> throw ProblemException.badField("format", "must be one of " + String.join(", ", FORMATS));
            };
        } catch (IllegalArgumentException e) {
            throw new ProblemException(422, "not-expressible", "Shape not expressible in this format",
                    "format " + f + ": " + e.getMessage(), List.of(new Problem.FieldError("format", e.getMessage())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response file(String body, String type, String name) {
        return Response.ok(body, type + (type.startsWith("text/") ? "; charset=utf-8" : ""))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
