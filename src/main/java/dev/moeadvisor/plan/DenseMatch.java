package dev.moeadvisor.plan;

/**
 * The compute a dense model needs to reach a target loss under the same constraints. The best loss of the
 * dense search is not monotone in compute: more compute gives every shape more tokens, but the epochs limit
 * removes shapes as it grows, and can leave none. So the compute is scanned upward in half-octave steps up to
 * {@link #MAX_FACTOR}·C, and the first step that reaches the target is refined by bisection in {@code log C}
 * against the step before it.
 */
final class DenseMatch {

    /** Largest multiple of the plan's compute searched. */
    static final double MAX_FACTOR = 1e4;
    /** Scan step in compute: a half octave. */
    static final double STEP = Math.sqrt(2);
    /** Bisection steps inside one scan step: relative width {@code √2^(2^−10)} − 1 ≈ 3.4e-4. */
    static final int ITERATIONS = 10;

    private DenseMatch() {
    }

    /**
     * The least compute in {@code [C, MAX_FACTOR·C]} at which the best dense loss is at most {@code targetLoss},
     * to a relative 1e-3; {@code NaN} when no scanned compute reaches it.
     */
    static double solve(ShapeSearch search, double targetLoss, double computeFlops) {
        if (bestLoss(search, computeFlops) <= targetLoss) {
            return computeFlops;
        }
        double previous = computeFlops;
        while (previous < computeFlops * MAX_FACTOR) {
            double next = Math.min(previous * STEP, computeFlops * MAX_FACTOR);
            if (bestLoss(search, next) <= targetLoss) {
                return bisect(search, targetLoss, previous, next);
            }
            previous = next;
        }
        return Double.NaN;
    }

    /** Bisection in log compute between a compute that misses the target and one that reaches it. */
    private static double bisect(ShapeSearch search, double targetLoss, double misses, double reaches) {
        double logLo = Math.log(misses);
        double logHi = Math.log(reaches);
        for (int i = 0; i < ITERATIONS; i++) {
            double mid = 0.5 * (logLo + logHi);
            if (bestLoss(search, Math.exp(mid)) <= targetLoss) {
                logHi = mid;
            } else {
                logLo = mid;
            }
        }
        return Math.exp(logHi);
    }

    private static double bestLoss(ShapeSearch search, double computeFlops) {
        return search.denseBestLoss(computeFlops);
    }
}
