package dev.moeadvisor.plan;

import dev.moeadvisor.fit.Interval;

/**
 * A paired difference of predicted loss between two fixed shapes (each at its own tokens), evaluated under the same
 * bootstrap loss models: pairing removes the uncertainty both shapes share (the irreducible loss, the data term),
 * so what remains is the uncertainty of the comparison itself.
 *
 * @param difference             point estimate of the difference (first minus second shape, as named by its owner)
 * @param interval               2.5–97.5 percentile interval of the difference over the bootstrap models
 * @param shareRecommendedBetter share of bootstrap models in which the recommendation has the lower loss
 * @param verdict                {@link #BETTER} when the whole interval favours the recommendation, {@link #WORSE}
 *                               when it favours the other shape, {@link #INDISTINGUISHABLE} when it contains 0
 */
public record PairedGap(double difference, Interval interval, double shareRecommendedBetter, String verdict) {

    public static final String BETTER = "better";
    public static final String WORSE = "worse";
    public static final String INDISTINGUISHABLE = "indistinguishable";

    /**
     * @param point               point-estimate difference {@code x − y}
     * @param differences         the same difference under each bootstrap model (at least one)
     * @param recommendationFirst true when the recommendation is {@code x} (lower x is better for it), false when
     *                            it is {@code y}
     */
    static PairedGap of(double point, double[] differences, boolean recommendationFirst) {
        Interval i = Interval.ofBootstrap(differences);
        long better = 0;
        for (double d : differences) {
            if (recommendationFirst ? d < 0 : d > 0) {
                better++;
            }
        }
        String verdict;
        if (i.contains(0.0)) {
            verdict = INDISTINGUISHABLE;
        } else {
            boolean xBetter = i.upper() < 0;
            verdict = xBetter == recommendationFirst ? BETTER : WORSE;
        }
        return new PairedGap(point, i, (double) better / differences.length, verdict);
    }

    public boolean indistinguishable() {
        return INDISTINGUISHABLE.equals(verdict);
    }
}
