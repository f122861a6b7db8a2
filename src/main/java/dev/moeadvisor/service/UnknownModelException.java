package dev.moeadvisor.service;

/** No loss model has this id, or (when {@link #notReadyYet()}) the fit behind it has not finished. */
public class UnknownModelException extends RuntimeException {
    private final boolean notReadyYet;

    public UnknownModelException(String message, boolean notReadyYet) {
        super(message);
        this.notReadyYet = notReadyYet;
    }

    public boolean notReadyYet() {
        return notReadyYet;
    }
}
