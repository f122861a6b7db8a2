package dev.moeadvisor.plan;

import java.util.List;

/**
 * A plan or sweep would visit more grid shapes than its work budget allows ({@link SearchLimits#maxShapes()}); it is
 * refused before any shape is evaluated.
 *
 * @see GridEstimate
 */
public class PlanTooLargeException extends RuntimeException {

    private final long estimate;
    private final long limit;
    private final List<GridEstimate.Narrowing> narrowings;

    public PlanTooLargeException(String what, long estimate, long limit, List<GridEstimate.Narrowing> narrowings) {
        super(what + " would search about " + estimate + " shapes, more than the limit of " + limit
                + (narrowings.isEmpty() ? "; lower the compute or the number of budgets"
                : "; narrow " + String.join(", ", narrowings.stream().map(GridEstimate.Narrowing::field).toList())));
        this.estimate = estimate;
        this.limit = limit;
        this.narrowings = List.copyOf(narrowings);
    }

    /** Grid shapes the request would visit. */
    public long estimate() {
        return estimate;
    }

    public long limit() {
        return limit;
    }

    /** The request fields that widened the grid, the one whose default shrinks it most first. */
    public List<GridEstimate.Narrowing> narrowings() {
        return narrowings;
    }
}
