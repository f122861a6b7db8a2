package dev.moeadvisor.plan;

/**
 * The compute a dense model needs to reach a target loss under the same constraints: bisection in
 * {@code log C} on the best loss of the dense search, taken as non-increasing in compute (more compute gives every
 * shape more tokens; only the epochs limit can remove shapes, and then the bracket check below still holds at its
 * ends).
 */
final class DenseMatch {

    /** Largest multiple of the plan's compute searched. */
    static final double MAX_FACTOR = 1e4;
    /** Bisection steps: the bracket {@code [C, 1e4·C]} narrows to a relative width below 1e-3. */
    static final int ITERATIONS = 14;

    private DenseMatch() {
    }

    /** The least compute in {@code [C, MAX_FACTOR·C]} at which the best dense loss is at most {@code targetLoss}. */
    static double solve(ShapeSearch search, double targetLoss, double computeFlops) {
        if (bestLoss(search, computeFlops) <= targetLoss) {
            return computeFlops;
        }
        double hi = computeFlops * MAX_FACTOR;
        if (bestLoss(search, hi) > targetLoss) {
            return Double.NaN;
        }
        double logLo = Math.log(computeFlops);
        double logHi = Math.log(hi);
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
        return search.dense(computeFlops).best().map(Candidate::loss).orElse(Double.POSITIVE_INFINITY);
    }
}
