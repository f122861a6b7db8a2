package dev.moeadvisor.web.error;

import dev.moeadvisor.budget.BudgetException;
import dev.moeadvisor.shape.InvalidShapeException;
import jakarta.validation.ConstraintViolation;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    /**
     * A violation's field, named from the request body's root ({@code shape.dModel}, {@code shape.moeLayerPattern[3]}):
     * the path without its container-element nodes; {@code body} for the body itself.
     */
    public static String ofBodyPath(ConstraintViolation<?> v) {
        return bodyField(v.getPropertyPath().toString());
    }

    /** {@link #ofBodyPath} of a path written out: its container-element nodes dropped, {@code body} when empty. */
    static String bodyField(String path) {
        String p = path.replaceAll("\\.?<(list element|iterable element|map value|map key)>", "");
        return p.isEmpty() ? "body" : p;
    }

    /** The problem's detail for field errors: "field: message" joined by "; ". */
    public static String detail(List<Problem.FieldError> errors) {
        return errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
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
