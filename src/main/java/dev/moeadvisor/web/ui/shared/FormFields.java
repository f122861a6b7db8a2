package dev.moeadvisor.web.ui.shared;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the inputs of one form in page order: each {@link FieldView} carries the user's text and its error, and
 * the labels are remembered so that the error summary can name the fields in the order the page shows them.
 * One instance per rendering.
 */
public final class FormFields {

    /** One line of the error summary, linking to its input. */
    public record SummaryItem(String anchor, String label, String message) {
    }

    private final FormErrors errors;
    private final Map<String, String> labels = new LinkedHashMap<>();

    public FormFields(FormErrors errors) {
        this.errors = errors;
    }

    /** A text input; {@code value} {@code null} shows as empty. */
    public FieldView field(String name, String label, String hint, String value) {
        labels.put(name, label);
        return new FieldView(name, label, hint, value == null ? "" : value, errors.messageFor(name));
    }

    /** Names an input that is not a text field (a select, a radio group) for the summary. */
    public void label(String name, String label) {
        labels.put(name, label);
    }

    /** The error of a field that is not a text input, or {@code null}. */
    public String error(String name) {
        return errors.messageFor(name);
    }

    /** Every message, in page order (fields the page does not show come last, by their API name). */
    public List<SummaryItem> summary() {
        List<String> order = List.copyOf(labels.keySet());
        return errors.messages().entrySet().stream()
                .sorted(Comparator.comparingInt(e -> position(order, e.getKey())))
                .map(e -> new SummaryItem("f-" + e.getKey(), labels.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                .toList();
    }

    private static int position(List<String> order, String field) {
        int i = order.indexOf(field);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
