package dev.moeadvisor.web.api;

import dev.moeadvisor.shape.ModelShape;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A shape as the API takes it. Required: {@code vocabSize, seqLen, layers, dModel, heads}; for an MoE also
 * {@code experts, topK, dExpert}; for dense layers {@code dFfn}. Defaults: {@code denseLayers 0},
 * {@code kvHeads = heads}, {@code headDim = dModel/heads}, {@code sharedExperts 0}, {@code dShared = dExpert},
 * {@code tiedEmbeddings false}. Cross-field rules ({@code topK ≤ experts}, ...) are checked by {@link ModelShape}.
 */
public record ShapeRequest(
        @NotNull @Min(1) @Max(ModelShape.MAX_VOCAB) Integer vocabSize,
        @NotNull @Min(1) @Max(ModelShape.MAX_SEQ_LEN) Integer seqLen,
        @NotNull @Min(1) @Max(ModelShape.MAX_LAYERS) Integer layers,
        @Min(0) @Max(ModelShape.MAX_LAYERS) Integer denseLayers,
        @NotNull @Min(1) @Max(ModelShape.MAX_WIDTH) Integer dModel,
        @NotNull @Min(1) @Max(ModelShape.MAX_WIDTH) Integer heads,
        @Min(1) @Max(ModelShape.MAX_WIDTH) Integer kvHeads,
        @Min(1) @Max(ModelShape.MAX_WIDTH) Integer headDim,
        @Min(0) @Max(ModelShape.MAX_WIDTH) Integer dFfn,
        @Min(0) @Max(ModelShape.MAX_EXPERTS) Integer experts,
        @Min(0) @Max(ModelShape.MAX_EXPERTS) Integer topK,
        @Min(0) @Max(ModelShape.MAX_EXPERTS) Integer sharedExperts,
        @Min(0) @Max(ModelShape.MAX_WIDTH) Integer dExpert,
        @Min(0) @Max(ModelShape.MAX_WIDTH) Integer dShared,
        Boolean tiedEmbeddings) {

    public ModelShape toShape() {
        return ModelShape.builder().vocabSize(vocabSize).seqLen(seqLen).layers(layers)
                .denseLayers(orZero(denseLayers)).dModel(dModel).heads(heads).kvHeads(kvHeads).headDim(headDim)
                .dFfn(orZero(dFfn)).experts(orZero(experts)).topK(orZero(topK)).sharedExperts(orZero(sharedExperts))
                .dExpert(orZero(dExpert)).dShared(dShared).tiedEmbeddings(Boolean.TRUE.equals(tiedEmbeddings))
                .build();
    }

    public static ShapeRequest of(ModelShape s) {
        return new ShapeRequest(s.vocabSize(), s.seqLen(), s.layers(), s.denseLayers(), s.dModel(), s.heads(),
                s.kvHeads(), s.headDim(), s.dFfn(), s.experts(), s.topK(), s.sharedExperts(), s.dExpert(),
                s.dShared(), s.tiedEmbeddings());
    }

    private static int orZero(Integer x) {
        return x == null ? 0 : x;
    }
}
