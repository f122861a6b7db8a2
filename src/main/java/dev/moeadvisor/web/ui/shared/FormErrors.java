package dev.moeadvisor.web.ui.shared;

import dev.moeadvisor.web.error.Problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The messages to show next to the fields of one form submission, keyed by form field name. The first message
 * for a field wins, so an "is not a number" from parsing is not followed by "must not be null" from validation.
 * One instance per request.
 */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();
    private final UnaryOperator<String> formFieldOfApiField;

    /** {@code formFieldOfApiField} turns an API field path ({@code shape.topK}) into a form field name. */
    public FormErrors(UnaryOperator<String> formFieldOfApiField) {
        this.formFieldOfApiField = formFieldOfApiField;
    }

    /** Adds a message for a form field, in a page's words ({@link PageWords}: no API field ids). */
    public void add(String formField, String message) {
        byField.putIfAbsent(formField, PageWords.of(message));
    }

    /** Adds errors named by their API field path. */
    public void addAll(List<Problem.FieldError> apiErrors) {
        apiErrors.forEach(e -> add(formFieldOfApiField.apply(e.field()), e.message()));
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    /** The message for a form field, or {@code null}. */
    public String messageFor(String formField) {
        return byField.get(formField);
    }

    /** Every field with its message, in the order they were added. */
    public Map<String, String> messages() {
        return Collections.unmodifiableMap(byField);
    }
}
