package dev.moeadvisor.shape;

/**
 * A published model with its shape and the counts its authors published, so that the advisor's counts can be
 * checked against them.
 *
 * @param id        stable id, e.g. {@code mixtral-8x7b}
 * @param name      display name
 * @param source    where the shape and counts come from
 * @param url       link to the source
 * @param note      a caveat shown with the shape, or {@code null}
 * @param shape     the shape
 * @param published the published counts
 */
public record KnownShape(String id, String name, String source, String url, String note, ModelShape shape,
                         PublishedCounts published) {

    /**
     * Counts as published.
     *
     * @param totalParams               total parameters
     * @param activeParams              active parameters per token
     * @param includesEmbeddings        whether the two figures above include embeddings
     * @param unit                      the unit of the last printed digit (e.g. 0.1e9 for "46.7B")
     * @param activeParamsNonEmbedding  a second, non-embedding active figure where one was published, else null
     * @param flopsPerTokenTraining     published training FLOPs per token, else null
     * @param activeConvention          the {@link CountConvention} id of {@code activeParams} when it differs from
     *                                  {@code includesEmbeddings} (gpt-oss counts the unembedding only), else null
     * @param mtpParams                 published multi-token-prediction parameters (outside the totals), else null
     * @param totalUnit                 the unit of the total's last printed digit when it differs from {@code unit}
     *                                  (Kimi-K2: "1.04T" total, "32B" active), else null
     */
    public record PublishedCounts(double totalParams, double activeParams, boolean includesEmbeddings, double unit,
                                  Double activeParamsNonEmbedding, Double flopsPerTokenTraining,
                                  String activeConvention, Double mtpParams, Double totalUnit) {

        public PublishedCounts(double totalParams, double activeParams, boolean includesEmbeddings, double unit,
                               Double activeParamsNonEmbedding, Double flopsPerTokenTraining) {
            this(totalParams, activeParams, includesEmbeddings, unit, activeParamsNonEmbedding, flopsPerTokenTraining,
                    null, null, null);
        }

        /** The unit of the total's last printed digit. */
        public double totalParamsUnit() {
            return totalUnit != null ? totalUnit : unit;
        }

        /** The convention of {@code totalParams}. */
        public CountConvention totalConvention() {
            return includesEmbeddings ? CountConvention.WITH_EMBEDDINGS : CountConvention.NON_EMBEDDING;
        }

        /** The convention of {@code activeParams}. */
        public CountConvention activeCountConvention() {
            return activeConvention != null ? CountConvention.fromId(activeConvention) : totalConvention();
        }
    }
}
