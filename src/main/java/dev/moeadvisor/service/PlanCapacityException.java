package dev.moeadvisor.service;

/** Too many plans and sweeps are running; the caller may retry shortly. */
public class PlanCapacityException extends RuntimeException {
    public PlanCapacityException(int running) {
        super(running + " plans or sweeps are running, the most allowed at once; retry in a moment");
    }
}
