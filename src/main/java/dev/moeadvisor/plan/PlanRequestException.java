package dev.moeadvisor.plan;

/** A plan request with an invalid field; {@link #field()} is the request field's API name. */
public class PlanRequestException extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public PlanRequestException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
        this.reason = message;
    }

    /** What is wrong, without the field name. */
    public String reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
