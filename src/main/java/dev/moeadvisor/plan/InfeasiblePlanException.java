package dev.moeadvisor.plan;

/**
 * No shape of the search space satisfies the request. {@link #constraint()} is the stable id of the constraint
 * that binds (see {@link Constraint#id()}, e.g. {@code memoryCap}, {@code computeFlops}, {@code fixedTotalParams},
 * {@code maxEpochs}); the message says what to change.
 */
public class InfeasiblePlanException extends RuntimeException {

    private final String constraint;

    public InfeasiblePlanException(String constraint, String message) {
        super(message);
        this.constraint = constraint;
    }

    public String constraint() {
        return constraint;
    }
}
