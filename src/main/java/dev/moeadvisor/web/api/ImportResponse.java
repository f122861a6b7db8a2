package dev.moeadvisor.web.api;

import dev.moeadvisor.shape.ShapeMetrics;
import dev.moeadvisor.shape.config.ImportedShape;

import java.util.List;

/**
 * {@code POST /api/v1/shapes/import} answer: the shape read from a {@code config.json}, its non-embedding counts,
 * the counts under each card convention, the keys not read, and where the sequence length came from
 * ({@code request}, {@code config}, {@code default}).
 */
public record ImportResponse(ShapeRequest shape, double totalParams, double activeParams, double embeddingParams,
                             List<String> ignoredKeys, String modelType, String seqLenSource, ParamCountsDto counts) {

    static ImportResponse of(ImportedShape i) {
        ShapeMetrics m = ShapeMetrics.of(i.shape());
        return new ImportResponse(ShapeRequest.of(i.shape()), m.totalParams(), m.activeParams(), m.embeddingParams(),
                i.ignoredKeys(), i.modelType(), i.seqLenSource(), ParamCountsDto.of(m, i.shape().mtpModules() > 0));
    }
}
