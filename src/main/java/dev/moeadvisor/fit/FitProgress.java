package dev.moeadvisor.fit;

/**
 * Progress of a long fit, for a service to show. Called on the fitting thread after each local optimisation.
 */
@FunctionalInterface
public interface FitProgress {

    /** The three phases of a fit, in order. */
    enum Stage { STARTS, LEAVE_ONE_OUT, BOOTSTRAP }

    /**
     * @param stage   the phase
     * @param done    local optimisations done in this phase
     * @param total   local optimisations this phase will run
     * @param overall fraction of all local optimisations of the fit done, in [0, 1]
     */
    void update(Stage stage, int done, int total, double overall);

    FitProgress NONE = (stage, done, total, overall) -> { };
}
