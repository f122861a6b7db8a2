package dev.moeadvisor.memory;

/** A parallel layout or training setup that cannot be used, naming the offending field (e.g. {@code layout.ep}). */
public class LayoutException extends IllegalArgumentException {
    private final String field;
    private final String reason;

    public LayoutException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
