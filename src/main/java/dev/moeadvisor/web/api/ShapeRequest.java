package dev.moeadvisor.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.moeadvisor.shape.MlaAttention;
import dev.moeadvisor.shape.ModelShape;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A shape as the API takes it. Required: {@code vocabSize, seqLen, layers, dModel, heads}; for an MoE also
 * {@code experts, topK, dExpert}; for dense layers {@code dFfn}. Defaults: {@code denseLayers 0},
 * {@code kvHeads = heads}, {@code headDim = dModel/heads}, {@code sharedExperts 0}, {@code dShared = dExpert},
 * {@code tiedEmbeddings false}. Optional, left out of answers when unset: {@code mla} (multi-head latent attention,
 * arXiv 2405.04434), {@code moeLayerStep} (MoE every n-th layer), {@code moeLayerPattern} (per layer, 1 = MoE),
 * {@code mtpModules}, {@code slidingWindow} and {@code slidingWindowPattern} (per layer, 1 = windowed; absent = all).
 * Cross-field rules ({@code topK ≤ experts}, ...) are checked by {@link ModelShape}.
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
        Boolean tiedEmbeddings,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Valid Mla mla,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Min(1) @Max(ModelShape.MAX_LAYERS) Integer moeLayerStep,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = ModelShape.MAX_LAYERS)
        List<@NotNull @Min(0) @Max(1) Integer> moeLayerPattern,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Min(0) @Max(ModelShape.MAX_LAYERS) Integer mtpModules,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Min(1) @Max(ModelShape.MAX_SEQ_LEN) Integer slidingWindow,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = ModelShape.MAX_LAYERS)
        List<@NotNull @Min(0) @Max(1) Integer> slidingWindowPattern) {

    /** Multi-head latent attention as the API takes it; {@code qLoraRank} absent or 0 = no query latent. */
    public record Mla(@Min(0) @Max(ModelShape.MAX_WIDTH) Integer qLoraRank,
                      @NotNull @Min(1) @Max(ModelShape.MAX_WIDTH) Integer kvLoraRank,
                      @NotNull @Min(0) @Max(ModelShape.MAX_WIDTH) Integer qkNopeHeadDim,
                      @NotNull @Min(0) @Max(ModelShape.MAX_WIDTH) Integer qkRopeHeadDim,
                      @NotNull @Min(1) @Max(ModelShape.MAX_WIDTH) Integer vHeadDim) {

        MlaAttention toMla() {
            return new MlaAttention(orZero(qLoraRank), kvLoraRank, qkNopeHeadDim, qkRopeHeadDim, vHeadDim);
        }

        static Mla of(MlaAttention m) {
            return m == null ? null : new Mla(m.qLoraRank(), m.kvLoraRank(), m.qkNopeHeadDim(), m.qkRopeHeadDim(),
                    m.vHeadDim());
        }
    }

    /** The MHA/GQA fields only (the optional ones unset). */
    public ShapeRequest(Integer vocabSize, Integer seqLen, Integer layers, Integer denseLayers, Integer dModel,
                        Integer heads, Integer kvHeads, Integer headDim, Integer dFfn, Integer experts, Integer topK,
                        Integer sharedExperts, Integer dExpert, Integer dShared, Boolean tiedEmbeddings) {
        this(vocabSize, seqLen, layers, denseLayers, dModel, heads, kvHeads, headDim, dFfn, experts, topK,
                sharedExperts, dExpert, dShared, tiedEmbeddings, null, null, null, null, null, null);
    }

    public ModelShape toShape() {
        // with a moeLayerPattern, denseLayers is its number of leading dense layers
        ModelShape.Builder b = ModelShape.builder().vocabSize(vocabSize).seqLen(seqLen).layers(layers)
                .denseLayers(orZero(denseLayers)).dModel(dModel).heads(heads).kvHeads(kvHeads).headDim(headDim)
                .dFfn(orZero(dFfn)).experts(orZero(experts)).topK(orZero(topK)).sharedExperts(orZero(sharedExperts))
                .dExpert(orZero(dExpert)).dShared(dShared).tiedEmbeddings(Boolean.TRUE.equals(tiedEmbeddings))
                .mla(mla == null ? null : mla.toMla()).moeLayerStep(moeLayerStep == null ? 1 : moeLayerStep)
                .mtpModules(orZero(mtpModules)).slidingWindow(orZero(slidingWindow))
                .slidingWindowPattern(slidingWindowPattern).moeLayerPattern(moeLayerPattern);
        return b.build();
    }

    public static ShapeRequest of(ModelShape s) {
        return new ShapeRequest(s.vocabSize(), s.seqLen(), s.layers(), s.denseLayers(), s.dModel(), s.heads(),
                s.kvHeads(), s.headDim(), s.dFfn(), s.experts(), s.topK(), s.sharedExperts(), s.dExpert(),
                s.dShared(), s.tiedEmbeddings(), Mla.of(s.mla()), s.moeLayerStep() == 1 ? null : s.moeLayerStep(),
                s.moeLayerPattern(), s.mtpModules() == 0 ? null : s.mtpModules(),
                s.slidingWindow() == 0 ? null : s.slidingWindow(), s.slidingWindowPattern());
    }

    private static int orZero(Integer x) {
        return x == null ? 0 : x;
    }
}
