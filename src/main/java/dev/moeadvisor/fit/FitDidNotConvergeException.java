package dev.moeadvisor.fit;

/** No starting point of the grid led the optimiser to a converged minimum; no coefficients are returned. */
public class FitDidNotConvergeException extends RuntimeException {

    private final int startsTried;

    public FitDidNotConvergeException(int startsTried, String detail) {
        super("the loss-model fit did not converge from any of " + startsTried + " starting points" +
                (detail == null || detail.isBlank() ? "" : ": " + detail));
        this.startsTried = startsTried;
    }

    public int startsTried() {
        return startsTried;
    }
}
