package dev.moeadvisor.fit;

/** A prior that cannot be used: on a pinned or unknown coefficient, or with a bad mean or sd. */
public class InvalidPriorException extends InvalidFitProblemException {
    private final String coefficient;

    public InvalidPriorException(String coefficient, String message) {
        super(message);
        this.coefficient = coefficient;
    }

    /** The coefficient's name as given. */
    public String coefficient() {
        return coefficient;
    }
}
