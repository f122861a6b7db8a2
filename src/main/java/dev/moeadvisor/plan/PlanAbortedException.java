package dev.moeadvisor.plan;

/** A search stopped before its end: past its deadline, or cancelled by its caller ({@link SearchLimits}). */
public class PlanAbortedException extends RuntimeException {

    /** Why the search stopped. */
    public enum Reason { DEADLINE, CANCELLED }

    private final Reason reason;

    public PlanAbortedException(Reason reason) {
        super(reason == Reason.DEADLINE ? "the search did not finish before its deadline"
                : "the search was cancelled by its caller");
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
