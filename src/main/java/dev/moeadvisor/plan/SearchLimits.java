package dev.moeadvisor.plan;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The limits a search carries with it, so that the core stops itself (and every caller gets the same behaviour):
 * a work budget in grid shapes (checked before searching, by {@link GridEstimate}), a deadline and a cancellation
 * flag (both checked inside the search loops, once per (d_model, layers) block of the grid).
 *
 * @param maxShapes   most grid shapes a plan may visit ({@link GridEstimate#shapes}); above it the plan is refused
 *                    with a {@link PlanTooLargeException} before any shape is evaluated
 * @param deadline    {@code nanoTime} value after which the search stops with a {@link PlanAbortedException}
 * @param cancelled   true once the caller no longer wants the answer (e.g. the HTTP client went away)
 * @param nanoTime    the monotonic clock the deadline is read against ({@link System#nanoTime} in production)
 */
public record SearchLimits(long maxShapes, long deadline, BooleanSupplier cancelled, LongSupplier nanoTime) {

    /** No limits: for tests, benchmarks and trusted callers. */
    public static final SearchLimits NONE = new SearchLimits(Long.MAX_VALUE, Long.MAX_VALUE, () -> false,
            () -> Long.MIN_VALUE);

    public SearchLimits {
        if (maxShapes <= 0) {
            throw new IllegalArgumentException("maxShapes must be positive");
        }
        Objects.requireNonNull(cancelled, "cancelled");
        Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** Limits starting now: at most {@code maxShapes} grid shapes, done within {@code timeout}. */
    public static SearchLimits of(long maxShapes, Duration timeout, BooleanSupplier cancelled) {
        long now = System.nanoTime();
        long nanos = timeout.toNanos();
        return new SearchLimits(maxShapes, nanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + nanos, cancelled,
                System::nanoTime);
    }

    /** The same deadline and cancellation with another work budget. */
    public SearchLimits withMaxShapes(long shapes) {
        return new SearchLimits(shapes, deadline, cancelled, nanoTime);
    }

    /** @throws PlanAbortedException when cancelled or past the deadline */
    void check() {
        if (cancelled.getAsBoolean()) {
            throw new PlanAbortedException(PlanAbortedException.Reason.CANCELLED);
        }
        if (nanoTime.getAsLong() - deadline > 0 && deadline != Long.MAX_VALUE) {
            throw new PlanAbortedException(PlanAbortedException.Reason.DEADLINE);
        }
    }
}
