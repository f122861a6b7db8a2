package dev.moeadvisor.service;

import java.util.Map;

/**
 * A fit asks for more work than {@code advisor.fit.max-work} allows; refused before anything is computed (422).
 * {@link #fields()} names what to reduce ({@code bootstrap}, {@code filter} for fewer runs, {@code looMode}) with
 * how far.
 */
public class FitTooLargeException extends RuntimeException {
    private final Map<String, String> fields;

    public FitTooLargeException(String message, Map<String, String> fields) {
        super(message);
        this.fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    /** Field → what to do with it, in a stable order of keys ({@code bootstrap}, {@code filter}, {@code looMode}). */
    public Map<String, String> fields() {
        return fields;
    }
}
