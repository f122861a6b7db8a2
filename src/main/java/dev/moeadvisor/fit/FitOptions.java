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
 * @param parallelism         threads for the local optimisations of each phase (1 = on the caller's thread); the
 *                            result does not depend on it
 * @param leaveOneOutSample   with {@code leaveOneOut}: 0 = refit without every run; k &gt; 0 = without k runs drawn
 *                            by the seed (all when there are fewer), the held-out RMSE then over those k
 */
public record FitOptions(long seed, int bootstrapResamples, int startGridSize, int maxIterations,
                         boolean leaveOneOut, FitMethod method, int parallelism, int leaveOneOutSample) {

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
        if (parallelism < 1 || parallelism > 256) {
            throw new IllegalArgumentException("parallelism must lie in [1, 256]");
        }
        if (leaveOneOutSample < 0) {
            throw new IllegalArgumentException("leaveOneOutSample must not be negative");
        }
    }

    /** The options without a leave-one-out sample size (every run left out in turn), as before it existed. */
    public FitOptions(long seed, int bootstrapResamples, int startGridSize, int maxIterations, boolean leaveOneOut,
                      FitMethod method, int parallelism) {
        this(seed, bootstrapResamples, startGridSize, maxIterations, leaveOneOut, method, parallelism, 0);
    }

    public static FitOptions defaults() {
        return new FitOptions(DEFAULT_SEED, DEFAULT_BOOTSTRAP, DEFAULT_START_GRID, DEFAULT_MAX_ITERATIONS, true,
                FitMethod.LEVENBERG_MARQUARDT_IRLS, 1);
    }

    public FitOptions withSeed(long s) {
        return new FitOptions(s, bootstrapResamples, startGridSize, maxIterations, leaveOneOut, method, parallelism, leaveOneOutSample);
    }

    public FitOptions withBootstrapResamples(int b) {
        return new FitOptions(seed, b, startGridSize, maxIterations, leaveOneOut, method, parallelism, leaveOneOutSample);
    }

    public FitOptions withStartGridSize(int g) {
        return new FitOptions(seed, bootstrapResamples, g, maxIterations, leaveOneOut, method, parallelism, leaveOneOutSample);
    }

    public FitOptions withMaxIterations(int m) {
        return new FitOptions(seed, bootstrapResamples, startGridSize, m, leaveOneOut, method, parallelism, leaveOneOutSample);
    }

    public FitOptions withLeaveOneOut(boolean l) {
        return new FitOptions(seed, bootstrapResamples, startGridSize, maxIterations, l, method, parallelism, leaveOneOutSample);
    }

    public FitOptions withParallelism(int threads) {
        return new FitOptions(seed, bootstrapResamples, startGridSize, maxIterations, leaveOneOut, method, threads, leaveOneOutSample);
    }

    public FitOptions withMethod(FitMethod m) {
        return new FitOptions(seed, bootstrapResamples, startGridSize, maxIterations, leaveOneOut, m, parallelism, leaveOneOutSample);
    }

    /** Leave-one-out over a seeded sample of {@code k} runs (0 = every run). */
    public FitOptions withLeaveOneOutSample(int k) {
        return new FitOptions(seed, bootstrapResamples, startGridSize, maxIterations, leaveOneOut, method, parallelism, k);
    }
}
