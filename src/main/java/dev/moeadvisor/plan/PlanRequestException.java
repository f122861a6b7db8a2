package dev.moeadvisor.plan;

/** A plan request with an invalid field; {@link #field()} is the request field's API name. */
public class PlanRequestException extends IllegalArgumentException {

    private final String field;

    public PlanRequestException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
