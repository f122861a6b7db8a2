package dev.moeadvisor.fit;

/**
 * What a fit costs, estimated before it runs: every local optimisation (one per start, per leave-one-out refit, per
 * bootstrap resample) evaluates the objective over the runs at every iteration, so
 * <pre>work = runs × (starts + bootstrap resamples + leave-one-out refits)</pre>
 * in run-optimisations. Measured on this project's machines (README, Performance) one unit costs roughly 15–110 µs
 * of one core (the low end for large data sets), e.g. the bundled default fit: 50 × (32 + 200 + 50) = 14,100.
 */
public final class FitWork {

    private FitWork() {
    }

    /** Leave-one-out refits the options ask for on {@code runs} runs: none, all, or the sample size (at most all). */
    public static int leaveOneOutRefits(FitOptions options, int runs) {
        if (!options.leaveOneOut()) {
            return 0;
        }
        return options.leaveOneOutSample() > 0 ? Math.min(options.leaveOneOutSample(), runs) : runs;
    }

    /** Local optimisations of a fit of {@code runs} runs with these options. */
    public static long optimisations(FitOptions options, int runs) {
        return (long) options.startGridSize() + options.bootstrapResamples() + leaveOneOutRefits(options, runs);
    }

    /** {@code runs × (starts + resamples + LOO refits)}. */
    public static long of(FitOptions options, int runs) {
        return runs * optimisations(options, runs);
    }
}
