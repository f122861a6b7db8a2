package dev.moeadvisor.web.api;

import dev.moeadvisor.shape.KnownShape;
import dev.moeadvisor.shape.ShapeMetrics;

/** A known model: its shape, the counts its authors published, and the counts the advisor computes. */
public record KnownShapeDto(String id, String name, String source, String url, String note, ShapeRequest shape,
                            KnownShape.PublishedCounts published, Computed computed) {

    /** The advisor's counts for the same shape. */
    public record Computed(double totalParams, double activeParams, double embeddingParams,
                           double flopsPerTokenTraining, ParamCountsDto counts, String publishedActiveConvention) {}

    public static KnownShapeDto of(KnownShape k) {
        ShapeMetrics m = ShapeMetrics.of(k.shape());
        return new KnownShapeDto(k.id(), k.name(), k.source(), k.url(), k.note(), ShapeRequest.of(k.shape()),
                k.published(), new Computed(m.totalParams(), m.activeParams(), m.embeddingParams(),
                m.flopsPerTokenTraining(), ParamCountsDto.of(m, k.shape().mtpModules() > 0),
                k.published().activeCountConvention().id()));
    }
}
