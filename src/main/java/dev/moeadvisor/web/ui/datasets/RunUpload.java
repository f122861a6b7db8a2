package dev.moeadvisor.web.ui.datasets;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moeadvisor.runs.RunDataError;
import dev.moeadvisor.runs.RunDataException;
import dev.moeadvisor.runs.RunInput;
import dev.moeadvisor.service.DatasetService;
import dev.moeadvisor.service.DatasetSummary;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An uploaded run file, stored through the same service as the API's uploads. A file is JSON when its name ends in
 * {@code .json} or its text starts with {@code [} or <code>{</code> (a list of runs, or {@code {"runs": [...]}} as
 * the API takes it); otherwise CSV. Unreadable JSON is reported as run-data errors with the line of the problem.
 *
 * @param fileName the name the browser sent
 * @param file     where the upload was stored
 */
public record RunUpload(String fileName, Path file) {

    DatasetSummary storeWith(DatasetService service, ObjectMapper mapper, String name, String description) {
        String text = read();
        if (isJson(text)) {
            return service.importJson(name, description, runs(mapper, text));
        }
        return service.importCsv(name, description, new StringReader(text));
    }

    private String read() {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean isJson(String text) {
        String start = text.stripLeading();
        return (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".json"))
                || start.startsWith("[") || start.startsWith("{");
    }

    private static List<RunInput> runs(ObjectMapper mapper, String text) {
        try {
            JsonNode root = mapper.readTree(text);
            JsonNode list = root != null && root.isObject() ? root.get("runs") : root;
            if (list == null || !list.isArray()) {
                throw new RunDataException(List.of(new RunDataError(0, "runs",
                        "give a JSON list of runs, or an object with a \"runs\" list")));
            }
            return mapper.convertValue(list, new TypeReference<List<RunInput>>() { });
        } catch (JsonParseException e) {
            throw new RunDataException(List.of(new RunDataError(line(e.getLocation()), "", "is not valid JSON")));
        } catch (JsonProcessingException e) {
            throw new RunDataException(List.of(mappingError(e)));
        } catch (IllegalArgumentException e) {
            // convertValue wraps the mapping problem
            if (e.getCause() instanceof JsonMappingException m) {
                throw new RunDataException(List.of(mappingError(m)));
            }
            throw e;
        }
    }

    /** A field of the wrong type or an unknown field: its run's position in the list (1-based) and its name. */
    private static RunDataError mappingError(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            List<JsonMappingException.Reference> path = m.getPath();
            int index = path.get(0).getIndex();
            String field = path.stream().skip(1).map(JsonMappingException.Reference::getFieldName)
                    .filter(f -> f != null).collect(Collectors.joining("."));
            String message = e.getClass().getSimpleName().startsWith("Unrecognized") ? "is not a known field"
                    : "has the wrong type";
            return new RunDataError(index >= 0 ? index + 1 : 0, field, message);
        }
        return new RunDataError(line(e.getLocation()), "", "is not valid JSON");
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }
}
