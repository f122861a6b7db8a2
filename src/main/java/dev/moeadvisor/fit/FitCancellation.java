package dev.moeadvisor.fit;

/**
 * Asks a running fit to stop. The fitter polls it before every local optimisation (each start, each leave-one-out
 * refit, each bootstrap resample), so a cancelled fit stops within one local optimisation and throws
 * {@link FitCancelledException}. It travels beside {@link FitOptions}, not in them: the options are stored with
 * every result to reproduce it, and whether someone pressed Cancel is no part of that.
 */
@FunctionalInterface
public interface FitCancellation {

    boolean cancelled();

    FitCancellation NEVER = () -> false;
}
