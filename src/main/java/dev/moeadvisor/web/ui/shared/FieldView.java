package dev.moeadvisor.web.ui.shared;

/**
 * One text input as the page shows it.
 *
 * @param name  form parameter name (the input's id is {@code f-<name>})
 * @param label label text
 * @param hint  a note on defaults, or empty
 * @param value the user's text, shown back unchanged
 * @param error the message to show next to the input, or {@code null}
 */
public record FieldView(String name, String label, String hint, String value, String error) {

    public boolean invalid() {
        return error != null;
    }

    public String id() {
        return "f-" + name;
    }
}
