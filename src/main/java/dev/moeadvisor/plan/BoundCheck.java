package dev.moeadvisor.plan;

/**
 * A search bound the recommendation sits on, and what relaxing it alone would admit.
 *
 * @param bound           the request field of the bound ({@code maxExperts}, {@code minActivationRatio},
 *                        {@code maxGranularity}, {@code minGranularity}, {@code maxTopK}, {@code minTopK},
 *                        {@code maxDenseLayers}, {@code minDenseLayers}, {@code minAspectRatio},
 *                        {@code maxAspectRatio})
 * @param description     the bound in words, with its value
 * @param relaxedTo       the relaxed value searched, in words
 * @param bestLossBeyond  the best predicted loss of the search with only this bound relaxed (the recommendation's
 *                        own loss when the relaxed search finds nothing better)
 * @param lossImprovement recommendation's loss minus {@code bestLossBeyond} (positive: the bound holds back a shape
 *                        predicted better)
 * @param binding         the relaxed search finds a shape predicted better (beyond the ranking's relative tie of
 *                        1e-12)
 */
public record BoundCheck(String bound, String description, String relaxedTo, double bestLossBeyond,
                         double lossImprovement, boolean binding) {
}
