package dev.moeadvisor.web.error;

import dev.moeadvisor.budget.BudgetException;
import dev.moeadvisor.shape.InvalidShapeException;
import jakarta.validation.ConstraintViolation;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The offending fields of a domain or validation error, named by their path in an evaluate request
 * ({@code shape.topK}, {@code gpuBudget.count}, {@code tokens}). The API's problem+json and the evaluate page's
 * form both read them from here.
 */
public final class FieldErrors {

    private FieldErrors() {
    }

    /** One error per shape violation, as {@code shape.<field>}. */
    public static List<Problem.FieldError> of(InvalidShapeException e) {
        return e.violations().stream().map(v -> new Problem.FieldError("shape." + v.field(), v.message())).toList();
    }

    /** The one field a budget error names. */
    public static List<Problem.FieldError> of(BudgetException e) {
        return List.of(new Problem.FieldError(e.field(), e.reason()));
    }

    /** One error per violation, sorted by field; {@code fieldName} turns a violation's path into a field name. */
    public static List<Problem.FieldError> of(Collection<? extends ConstraintViolation<?>> violations,
                                              Function<ConstraintViolation<?>, String> fieldName) {
        return violations.stream()
                .map(v -> new Problem.FieldError(fieldName.apply(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
    }
}
