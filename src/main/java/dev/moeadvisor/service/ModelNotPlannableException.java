package dev.moeadvisor.service;

/**
 * A {@code model} that is a published MoE law family ({@code law.family}) given to a plan or sweep: the planner ranks
 * with the composed loss model ({@code law.MoeLossModel}) only, so the families answer evaluate and predict but not
 * yet plans (422, naming {@code model}).
 */
public class ModelNotPlannableException extends RuntimeException {

    public ModelNotPlannableException(String message) {
        super(message);
    }
}
