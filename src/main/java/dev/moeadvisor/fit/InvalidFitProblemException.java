package dev.moeadvisor.fit;

/** A fit that cannot be posed: runs without tokens, mixed metrics, an unknown or out-of-range pin, too few runs. */
public class InvalidFitProblemException extends IllegalArgumentException {
    public InvalidFitProblemException(String message) {
        super(message);
    }
}
