package dev.moeadvisor.fit;

/** The fit was cancelled ({@link FitCancellation}) before it finished; no result. */
public class FitCancelledException extends RuntimeException {
    public FitCancelledException(String message) {
        super(message);
    }
}
