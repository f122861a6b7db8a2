package dev.moeadvisor.fit;

/**
 * How to run a fit. Stored with every result, with the data hash, so that a fit can be reproduced.
 *
 * @param seed                the seed of every random choice (start grid sample, bootstrap resamples)
 * @param bootstrapResamples  bootstrap resamples for the percentile intervals; 0 = none
 * @param startGridSize       starting points tried from the grid (the centre of the grid always among them)
 * @param maxIterations       per local optimisation: Levenberg–Marquardt iterations summed over the reweighting
 *                            rounds, or 20 × this many objective evaluations for BOBYQA
 * @param leaveOneOut         compute the leave-one-out RMSE (one warm-started refit per run)
 * @param method              the local optimiser
 */
public record FitOptions(long seed, int bootstrapResamples, int startGridSize, int maxIterations,
                         boolean leaveOneOut, FitMethod method) {

    public static final long DEFAULT_SEED = 20250612L;
    public static final int DEFAULT_BOOTSTRAP = 200;
    public static final int DEFAULT_START_GRID = 32;
    public static final int DEFAULT_MAX_ITERATIONS = 2000;

    public FitOptions {
        if (bootstrapResamples < 0 || bootstrapResamples > 100_000) {
            throw new IllegalArgumentException("bootstrapResamples must lie in [0, 100000]");
        }
        if (startGridSize < 1 || startGridSize > 10_000) {
            throw new IllegalArgumentException("startGridSize must lie in [1, 10000]");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be positive");
        }
        if (method == null) {
            throw new IllegalArgumentException("method is required");
        }
    }

    public static FitOptions defaults() {
        return new FitOptions(DEFAULT_SEED, DEFAULT_BOOTSTRAP, DEFAULT_START_GRID, DEFAULT_MAX_ITERATIONS, true,
                FitMethod.LEVENBERG_MARQUARDT_IRLS);
    }

    public FitOptions withSeed(long s) {
        return new FitOptions(s, bootstrapResamples, startGridSize, maxIterations, leaveOneOut, method);
    }

    public FitOptions withBootstrapResamples(int b) {
        return new FitOptions(seed, b, startGridSize, maxIterations, leaveOneOut, method);
    }

    public FitOptions withStartGridSize(int g) {
        return new FitOptions(seed, bootstrapResamples, g, maxIterations, leaveOneOut, method);
    }

    public FitOptions withMaxIterations(int m) {
        return new FitOptions(seed, bootstrapResamples, startGridSize, m, leaveOneOut, method);
    }

    public FitOptions withLeaveOneOut(boolean l) {
        return new FitOptions(seed, bootstrapResamples, startGridSize, maxIterations, l, method);
    }

    public FitOptions withMethod(FitMethod m) {
        return new FitOptions(seed, bootstrapResamples, startGridSize, maxIterations, leaveOneOut, m);
    }
}
