package dev.moeadvisor.shape.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moeadvisor.shape.ModelShape;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One JSON object of a Hugging Face {@code config.json} (the file itself, or a nested {@code text_config}), read key
 * by key. It remembers which keys were read, so that the rest can be reported as ignored; every error names the key
 * (with its path, e.g. {@code text_config.hidden_size}).
 */
public final class HfConfig {

    private final ObjectNode node;
    private final String prefix;
    private final Set<String> read = new TreeSet<>();
    private final List<HfConfig> children = new ArrayList<>();

    HfConfig(ObjectNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /** A nested object (e.g. Llama 4's {@code text_config}); its unread keys are reported with the path. */
    HfConfig child(String key) {
        JsonNode n = raw(key);
        if (n == null) {
            throw ConfigImportException.invalid(name(key), "is required");
        }
        if (!n.isObject()) {
            throw ConfigImportException.invalid(name(key), "must be an object");
        }
        HfConfig c = new HfConfig((ObjectNode) n, name(key) + ".");
        children.add(c);
        return c;
    }

    boolean has(String key) {
        JsonNode n = node.get(key);
        return n != null && !n.isNull();
    }

    String name(String key) {
        return prefix + key;
    }

    /** The raw value ({@code null} when absent or JSON null), marking the key as read. */
    JsonNode raw(String key) {
        read.add(key);
        JsonNode n = node.get(key);
        return n == null || n.isNull() ? null : n;
    }

    int requiredInt(String key) {
        Integer v = optInt(key);
        if (v == null) {
            throw ConfigImportException.invalid(name(key), "is required");
        }
        return v;
    }

    Integer optInt(String key) {
        JsonNode n = raw(key);
        if (n == null) {
            return null;
        }
        return whole(name(key), n);
    }

    int optInt(String key, int orElse) {
        Integer v = optInt(key);
        return v == null ? orElse : v;
    }

    /** A whole number, or a list of equal whole numbers (Hunyuan writes per-layer lists). */
    Integer optUniformInt(String key) {
        JsonNode n = raw(key);
        if (n == null) {
            return null;
        }
        if (!n.isArray()) {
            return whole(name(key), n);
        }
        List<Integer> values = intList(key);
        if (values.isEmpty() || values.stream().distinct().count() > 1) {
            throw ConfigImportException.invalid(name(key), "per-layer values must all be equal to give one shape");
        }
        return values.get(0);
    }

    boolean optBool(String key, boolean orElse) {
        JsonNode n = raw(key);
        if (n == null) {
            return orElse;
        }
        if (!n.isBoolean()) {
            throw ConfigImportException.invalid(name(key), "must be true or false");
        }
        return n.booleanValue();
    }

    String optText(String key) {
        JsonNode n = raw(key);
        if (n == null) {
            return null;
        }
        if (!n.isTextual()) {
            throw ConfigImportException.invalid(name(key), "must be a string");
        }
        return n.textValue();
    }

    /** A list of whole numbers (absent = empty), at most {@link ModelShape#MAX_LAYERS} long. */
    List<Integer> intList(String key) {
        JsonNode n = raw(key);
        List<Integer> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (!n.isArray()) {
            throw ConfigImportException.invalid(name(key), "must be a list");
        }
        checkLength(key, n);
        for (JsonNode x : n) {
            out.add(whole(name(key), x));
        }
        return out;
    }

    /** A list of strings (absent = empty), at most {@link ModelShape#MAX_LAYERS} long. */
    List<String> textList(String key) {
        JsonNode n = raw(key);
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (!n.isArray()) {
            throw ConfigImportException.invalid(name(key), "must be a list");
        }
        checkLength(key, n);
        for (JsonNode x : n) {
            if (!x.isTextual()) {
                throw ConfigImportException.invalid(name(key), "entries must be strings");
            }
            out.add(x.textValue());
        }
        return out;
    }

    private void checkLength(String key, JsonNode n) {
        if (n.size() > ModelShape.MAX_LAYERS) {
            throw ConfigImportException.invalid(name(key), "must have at most " + ModelShape.MAX_LAYERS + " entries");
        }
    }

    private static int whole(String name, JsonNode n) {
        if (!n.isIntegralNumber() && !(n.isNumber() && n.doubleValue() == Math.rint(n.doubleValue()))) {
            throw ConfigImportException.invalid(name, "must be a whole number");
        }
        if (!n.canConvertToInt() || (n.isFloatingPointNumber() && Math.abs(n.doubleValue()) > Integer.MAX_VALUE)) {
            throw ConfigImportException.invalid(name, "is out of range");
        }
        return n.intValue();
    }

    /** Keys present but not read (sorted, with their path), including nested objects' unread keys. */
    List<String> ignoredKeys() {
        List<String> out = new ArrayList<>();
        Set<String> childNames = new TreeSet<>();
        for (HfConfig c : children) {
            childNames.add(c.prefix.substring(prefix.length(), c.prefix.length() - 1));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!read.contains(k) && !childNames.contains(k)) {
                out.add(prefix + k);
            }
        }
        for (HfConfig c : children) {
            out.addAll(c.ignoredKeys());
        }
        return out.stream().sorted().toList();
    }
}
