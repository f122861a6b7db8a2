package dev.moeadvisor.plan;

/**
 * A search bound the recommendation sits on, and what relaxing it alone would admit.
 *
 * @param bound           the request field of the bound ({@code maxExperts}, {@code minActivationRatio},
 *                        {@code maxGranularity}, {@code minGranularity}, {@code maxTopK}, {@code minTopK},
 *                        {@code maxDenseLayers}, {@code minDenseLayers}, {@code minAspectRatio},
 *                        {@code maxAspectRatio}): a stable id for scripts
 * @param description     the bound in words, with its value
 * @param relaxedTo       the relaxed value searched, in words
 * @param bestLossBeyond  the best predicted loss of the search with only this bound relaxed (the recommendation's
 *                        own loss when the relaxed search finds nothing better)
 * @param lossImprovement recommendation's loss minus {@code bestLossBeyond} (positive: the bound holds back a shape
 *                        predicted better)
 * @param binding         the relaxed search finds a shape predicted better (beyond the ranking's relative tie of
 *                        1e-12)
 * @param label           the bound's name for people ({@link SearchBound#labelOf}); filled from {@code bound} when
 *                        null (a plan stored before labels)
 */
public record BoundCheck(String bound, String description, String relaxedTo, double bestLossBeyond,
                         double lossImprovement, boolean binding, String label) {

    public BoundCheck {
        label = label == null ? SearchBound.labelOf(bound) : label;
    }

    public BoundCheck(String bound, String description, String relaxedTo, double bestLossBeyond,
                      double lossImprovement, boolean binding) {
        this(bound, description, relaxedTo, bestLossBeyond, lossImprovement, binding, null);
    }
}
