package dev.moeadvisor.web.api;

import dev.moeadvisor.shape.CountConvention;
import dev.moeadvisor.shape.KnownShape;
import dev.moeadvisor.shape.ShapeMetrics;

/**
 * A known model: its shape, the counts its authors published, and the counts the advisor computes. Every count's name
 * says what it counts: {@code nonEmbedding…} (the advisor's {@code N}, no embedding matrices), {@code …WithEmbeddings}
 * (input embedding and unembedding included, as DeepSeek-V3 and Mixtral print them) and {@code …AsPublished} (the
 * advisor's count under the convention the published figure follows, so the two compare directly). A published
 * figure names its convention beside it.
 */
public record KnownShapeDto(String id, String name, String source, String url, String note, ShapeRequest shape,
                            PublishedParamCounts published, ComputedParamCounts computed) {

    /**
     * The counts as the model's authors printed them, each with the {@link CountConvention} id it follows.
     *
     * @param totalParams              the published total, in the convention {@code totalParamsConvention}
     * @param totalParamsConvention    {@code non-embedding} or {@code with-embeddings}
     * @param activeParams             the published active count, in the convention {@code activeParamsConvention}
     * @param activeParamsConvention   {@code non-embedding}, {@code with-unembedding} or {@code with-embeddings}
     * @param includesEmbeddings       whether the published total includes the embedding matrices
     * @param totalParamsUnit          the unit of the total's last printed digit (e.g. 0.1e9 for "46.7B")
     * @param activeParamsUnit         the unit of the active count's last printed digit
     * @param nonEmbeddingActiveParams a second, non-embedding active figure where one was published, else null
     * @param flopsPerTokenTraining    published training FLOPs per token, else null
     * @param mtpParams                published multi-token-prediction parameters (outside the totals), else null
     */
    public record PublishedParamCounts(double totalParams, String totalParamsConvention, double activeParams,
                            String activeParamsConvention, boolean includesEmbeddings, double totalParamsUnit,
                            double activeParamsUnit, Double nonEmbeddingActiveParams, Double flopsPerTokenTraining,
                            Double mtpParams) {

        static PublishedParamCounts of(KnownShape.PublishedCounts p) {
            return new PublishedParamCounts(p.totalParams(), p.totalConvention().id(), p.activeParams(),
                    p.activeCountConvention().id(), p.includesEmbeddings(), p.totalParamsUnit(), p.unit(),
                    p.activeParamsNonEmbedding(), p.flopsPerTokenTraining(), p.mtpParams());
        }
    }

    /**
     * The advisor's counts for the same shape, under both conventions and under the published one.
     *
     * @param nonEmbeddingTotalParams    total parameters without embedding matrices (the advisor's {@code N_total})
     * @param totalParamsWithEmbeddings  total with the input embedding and the unembedding
     * @param totalParamsAsPublished     total under {@code published.totalParamsConvention}
     * @param nonEmbeddingActiveParams   active parameters per token without embeddings ({@code N_active})
     * @param activeParamsWithEmbeddings active with the input embedding and the unembedding
     * @param activeParamsAsPublished    active under {@code published.activeParamsConvention}
     * @param embeddingParams            the embedding matrices (input embedding plus unembedding, once when tied)
     * @param flopsPerTokenTraining      training FLOPs per token, {@code 3·M_fwd}
     * @param counts                     every convention, labelled, and MTP modules apart
     */
    public record ComputedParamCounts(double nonEmbeddingTotalParams, double totalParamsWithEmbeddings,
                           double totalParamsAsPublished, double nonEmbeddingActiveParams,
                           double activeParamsWithEmbeddings, double activeParamsAsPublished, double embeddingParams,
                           double flopsPerTokenTraining, ParamCountsDto counts) {}

    public static KnownShapeDto of(KnownShape k) {
        ShapeMetrics m = ShapeMetrics.of(k.shape());
        KnownShape.PublishedCounts p = k.published();
        return new KnownShapeDto(k.id(), k.name(), k.source(), k.url(), k.note(), ShapeRequest.of(k.shape()),
                PublishedParamCounts.of(p), new ComputedParamCounts(m.totalParams(CountConvention.NON_EMBEDDING),
                m.totalParams(CountConvention.WITH_EMBEDDINGS), m.totalParams(p.totalConvention()),
                m.activeParams(CountConvention.NON_EMBEDDING), m.activeParams(CountConvention.WITH_EMBEDDINGS),
                m.activeParams(p.activeCountConvention()), m.embeddingParams(), m.flopsPerTokenTraining(),
                ParamCountsDto.of(m, k.shape().mtpModules() > 0)));
    }
}
