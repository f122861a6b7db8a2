package dev.moeadvisor.service;

/** Too many fits are running; the caller may retry later. */
public class FitCapacityException extends RuntimeException {
    public FitCapacityException(int running) {
        super(running + " fits are running, the most allowed at once; retry when one has finished");
    }
}
