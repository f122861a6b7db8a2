package dev.moeadvisor.web.api;

import dev.moeadvisor.web.error.FieldErrors;
import dev.moeadvisor.web.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.Set;

/**
 * Bean Validation of a request body called by the resource itself, for the endpoint whose throughput matters most
 * (evaluate): the same constraints and the same 400 as {@code @NotNull @Valid} on the parameter
 * ({@code body: must not be null}, fields named from the body's root such as {@code shape.dModel}), without the
 * method-validation interceptor, which also validates the return value and cost a fifth of an evaluation's server CPU
 * (README, Speed).
 */
@ApplicationScoped
public class RequestBodies {

    @Inject
    Validator validator;

    /** {@code body} when it is present and valid; otherwise a 400 naming every offending field. */
    public <T> T valid(T body) {
        if (body == null) {
            throw ProblemException.badField("body", "must not be null");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(FieldErrors.of(violations, FieldErrors::ofBodyPath));
        }
        return body;
    }
}
