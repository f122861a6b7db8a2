package dev.moeadvisor.web.error;

import java.util.List;

/** Thrown by web code to answer with a given problem (e.g. 404 for an unknown id). */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? null : List.copyOf(errors);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + dev.moeadvisor.service.Echo.quoted(id) + " does not exist", null);
    }

    public static ProblemException badField(String field, String message) {
        return new ProblemException(400, "invalid-request", "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** A 400 naming each offending field, as the validation mappers answer. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(400, "invalid-request", "Invalid request", FieldErrors.detail(errors), errors);
    }

    public int status() { return status; }
    public String type() { return type; }
    public String title() { return title; }
    public List<Problem.FieldError> errors() { return errors; }
}
