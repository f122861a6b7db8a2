package dev.moeadvisor.shape;

import java.util.List;

/** A shape that cannot exist (a width ≤ 0, {@code k > E}, ...). Carries one message per offending field. */
public class InvalidShapeException extends RuntimeException {
    /** One violation: the shape field's API name and what is wrong with it. */
    public record Violation(String field, String message) {}

    private final List<Violation> violations;

    public InvalidShapeException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse("invalid shape"));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
