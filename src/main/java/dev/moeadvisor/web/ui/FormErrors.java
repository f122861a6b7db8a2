package dev.moeadvisor.web.ui;

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
final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();
    private final UnaryOperator<String> formFieldOfApiField;

    /** {@code formFieldOfApiField} turns an API field path ({@code shape.topK}) into a form field name. */
    FormErrors(UnaryOperator<String> formFieldOfApiField) {
        this.formFieldOfApiField = formFieldOfApiField;
    }

    void add(String formField, String message) {
        byField.putIfAbsent(formField, message);
    }

    /** Adds errors named by their API field path. */
    void addAll(List<Problem.FieldError> apiErrors) {
        apiErrors.forEach(e -> add(formFieldOfApiField.apply(e.field()), e.message()));
    }

    boolean isEmpty() {
        return byField.isEmpty();
    }

    /** The message for a form field, or {@code null}. */
    String messageFor(String formField) {
        return byField.get(formField);
    }

    /** Every field with its message, in the order they were added. */
    Map<String, String> messages() {
        return Collections.unmodifiableMap(byField);
    }
}
