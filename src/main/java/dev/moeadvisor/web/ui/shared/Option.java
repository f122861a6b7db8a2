package dev.moeadvisor.web.ui.shared;

/** One choice of a select or radio group. */
public record Option(String value, String label, boolean selected) {
}
