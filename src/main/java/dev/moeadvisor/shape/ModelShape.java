package dev.moeadvisor.shape;

import java.util.ArrayList;
import java.util.List;

/**
 * A decoder-only transformer, dense or Mixture-of-Experts, with every field that fixes its parameter count
 * and its FLOPs per token.
 *
 * <p>Conventions (Ling, arXiv 2507.17702, App. C; Li, Lo et al., arXiv 2506.12119, §3.1): all FFNs and experts
 * are gated (SwiGLU, three matrices); the first {@code denseLayers} layers have a dense FFN of width
 * {@code dFfn}, the others an MoE FFN with {@code experts} routed experts of width {@code dExpert}, of which
 * {@code topK} are active per token, plus {@code sharedExperts} always-active experts of width {@code dShared}.
 * A dense model has {@code experts = 0} (or {@code denseLayers = layers}).
 *
 * <p>Beyond that layout (all optional; the 15-field constructor leaves them off):
 * <ul>
 *   <li>{@code mla}: multi-head latent attention instead of MHA/GQA ({@link MlaAttention}, DeepSeek-V2,
 *       arXiv 2405.04434); {@code kvHeads} and {@code headDim} are then unused by the counts;</li>
 *   <li>{@code moeLayerStep}: after the {@code denseLayers} dense first layers, layer {@code i} (0-based) is an MoE
 *       layer when {@code (i + 1) % moeLayerStep == 0} (HF {@code decoder_sparse_step},
 *       {@code interleave_moe_layer_step} of Llama 4); 0 or 1 = every layer;</li>
 *   <li>{@code moeLayerPattern}: an explicit per-layer list, 1 = MoE FFN, 0 = dense FFN (Megatron-LM's
 *       {@code --moe-layer-freq} list form); it overrides the step, and {@code denseLayers} must equal its number
 *       of leading zeros;</li>
 *   <li>{@code mtpModules}: multi-token-prediction modules (DeepSeek-V3, arXiv 2412.19437, §2.2), counted apart
 *       from the main model like embeddings;</li>
 *   <li>{@code slidingWindow} and {@code slidingWindowPattern}: a local-attention window (in tokens; 0 = none)
 *       and which layers use it (1 = windowed; {@code null} = all layers), e.g. gpt-oss's alternating layers.
 *       It changes attention FLOPs only.</li>
 * </ul>
 *
 * <p>The canonical constructor rejects impossible shapes with an {@link InvalidShapeException} naming each
 * offending field; use {@link Builder} to get the documented defaults ({@code headDim = dModel/heads},
 * {@code kvHeads = heads}, {@code dShared = dExpert}).
 */
public record ModelShape(
        int vocabSize,
        int seqLen,
        int layers,
        int denseLayers,
        int dModel,
        int heads,
        int kvHeads,
        int headDim,
        int dFfn,
        int experts,
        int topK,
        int sharedExperts,
        int dExpert,
        int dShared,
        boolean tiedEmbeddings,
        MlaAttention mla,
        int moeLayerStep,
        List<Integer> moeLayerPattern,
        int mtpModules,
        int slidingWindow,
        List<Integer> slidingWindowPattern) {

    /** Upper bounds that keep every count finite and meaningful; far above any model ever trained. */
    public static final int MAX_LAYERS = 10_000;
    public static final int MAX_WIDTH = 1 << 20;
    public static final int MAX_EXPERTS = 1 << 16;
    public static final int MAX_VOCAB = 1 << 24;
    public static final int MAX_SEQ_LEN = 1 << 24;

    /** The MHA/GQA shape of the original fields: every layer after the dense ones MoE, no MTP, full attention. */
    public ModelShape(int vocabSize, int seqLen, int layers, int denseLayers, int dModel, int heads, int kvHeads,
                      int headDim, int dFfn, int experts, int topK, int sharedExperts, int dExpert, int dShared,
                      boolean tiedEmbeddings) {
        this(vocabSize, seqLen, layers, denseLayers, dModel, heads, kvHeads, headDim, dFfn, experts, topK,
                sharedExperts, dExpert, dShared, tiedEmbeddings, null, 1, null, 0, 0, null);
    }

    public ModelShape {
        List<InvalidShapeException.Violation> v = new ArrayList<>();
        if (moeLayerStep == 0) {
            moeLayerStep = 1;
        }
        moeLayerPattern = flags(v, "moeLayerPattern", moeLayerPattern, layers);
        slidingWindowPattern = flags(v, "slidingWindowPattern", slidingWindowPattern, layers);
        range(v, "moeLayerStep", moeLayerStep, 1, MAX_LAYERS);
        range(v, "mtpModules", mtpModules, 0, MAX_LAYERS);
        range(v, "slidingWindow", slidingWindow, 0, MAX_SEQ_LEN);
        if (moeLayerPattern != null) {
            if (moeLayerStep != 1) {
                v.add(new InvalidShapeException.Violation("moeLayerStep", "give either moeLayerStep or moeLayerPattern"));
            }
            int leading = leadingZeros(moeLayerPattern);
            if (denseLayers != leading) {
                v.add(new InvalidShapeException.Violation("denseLayers",
                        "must equal the leading dense layers of moeLayerPattern (" + leading + ")"));
            }
        }
        if (slidingWindowPattern != null && slidingWindow == 0) {
            v.add(new InvalidShapeException.Violation("slidingWindow", "must be positive when slidingWindowPattern is given"));
        }
        if (mla != null) {
            mla.check(v);
        }
        range(v, "vocabSize", vocabSize, 1, MAX_VOCAB);
        range(v, "seqLen", seqLen, 1, MAX_SEQ_LEN);
        range(v, "layers", layers, 1, MAX_LAYERS);
        range(v, "denseLayers", denseLayers, 0, MAX_LAYERS);
        range(v, "dModel", dModel, 1, MAX_WIDTH);
        range(v, "heads", heads, 1, MAX_WIDTH);
        range(v, "kvHeads", kvHeads, 1, MAX_WIDTH);
        range(v, "headDim", headDim, 1, MAX_WIDTH);
        range(v, "experts", experts, 0, MAX_EXPERTS);
        range(v, "sharedExperts", sharedExperts, 0, MAX_EXPERTS);
        if (denseLayers > layers) {
            v.add(new InvalidShapeException.Violation("denseLayers", "must not exceed layers (" + layers + ")"));
        }
        if (kvHeads > heads) {
            v.add(new InvalidShapeException.Violation("kvHeads", "must not exceed heads (" + heads + ")"));
        } else if (kvHeads >= 1 && heads % kvHeads != 0) {
            v.add(new InvalidShapeException.Violation("kvHeads", "must divide heads (" + heads + ")"));
        }
        int moeCount = layers >= 1 && layers <= MAX_LAYERS && denseLayers >= 0
                ? countMoeLayers(layers, denseLayers, moeLayerStep < 1 ? 1 : moeLayerStep, moeLayerPattern) : 0;
        boolean hasDenseFfn = experts == 0 || moeCount < layers;
        if (hasDenseFfn) {
            range(v, "dFfn", dFfn, 1, MAX_WIDTH);
        } else {
            range(v, "dFfn", dFfn, 0, MAX_WIDTH);
        }
        boolean hasMoe = experts > 0 && moeCount > 0;
        if (hasMoe) {
            range(v, "topK", topK, 1, MAX_EXPERTS);
            if (topK > experts) {
                v.add(new InvalidShapeException.Violation("topK", "must not exceed experts (" + experts + ")"));
            }
            range(v, "dExpert", dExpert, 1, MAX_WIDTH);
            if (sharedExperts > 0) {
                range(v, "dShared", dShared, 1, MAX_WIDTH);
            } else {
                range(v, "dShared", dShared, 0, MAX_WIDTH);
            }
        } else {
            range(v, "topK", topK, 0, MAX_EXPERTS);
            if (experts > 0 && topK > experts) {
                v.add(new InvalidShapeException.Violation("topK", "must not exceed experts (" + experts + ")"));
            }
            range(v, "dExpert", dExpert, 0, MAX_WIDTH);
            range(v, "dShared", dShared, 0, MAX_WIDTH);
        }
        if (!v.isEmpty()) {
            throw new InvalidShapeException(v);
        }
    }

    /** A per-layer 0/1 list checked against the layer count, or {@code null}; an immutable copy. */
    private static List<Integer> flags(List<InvalidShapeException.Violation> v, String field, List<Integer> list,
                                       int layers) {
        if (list == null) {
            return null;
        }
        if (list.size() != layers) {
            v.add(new InvalidShapeException.Violation(field, "must list one entry per layer (" + layers + "), not " + list.size()));
        }
        for (Integer x : list) {
            if (x == null || (x != 0 && x != 1)) {
                v.add(new InvalidShapeException.Violation(field, "entries must be 0 or 1"));
                return null;
            }
        }
        return List.copyOf(list);
    }

    private static int leadingZeros(List<Integer> pattern) {
        int n = 0;
        while (n < pattern.size() && pattern.get(n) == 0) {
            n++;
        }
        return n;
    }

    private static boolean moeLayer(int i, int denseLayers, int step, List<Integer> pattern) {
        if (pattern != null) {
            return i < pattern.size() && pattern.get(i) == 1;
        }
        return i >= denseLayers && (i + 1) % step == 0;
    }

    /**
     * The MoE layers of a stepped layout without a pattern: layer {@code i} is MoE when {@code i ≥ denseLayers} and
     * {@code (i + 1) % step == 0} (the rule of {@link #isMoeLayer}); {@code layers − denseLayers} when {@code step = 1}.
     */
    public static int moeLayerCount(int layers, int denseLayers, int step) {
        return step <= 1 ? Math.max(0, layers - denseLayers) : countMoeLayers(layers, denseLayers, step, null);
    }

    private static int countMoeLayers(int layers, int denseLayers, int step, List<Integer> pattern) {
        if (pattern == null && step == 1) {
            // every layer from the dense first ones on (what the loop below counts, without visiting each layer)
            return Math.max(0, layers - denseLayers);
        }
        int n = 0;
        for (int i = 0; i < layers; i++) {
            if (moeLayer(i, denseLayers, step, pattern)) {
                n++;
            }
        }
        return n;
    }

    static void range(List<InvalidShapeException.Violation> v, String field, int value, int min, int max) {
        if (value < min) {
            v.add(new InvalidShapeException.Violation(field, min == 1 ? "must be positive" : "must be at least " + min));
        } else if (value > max) {
            v.add(new InvalidShapeException.Violation(field, "must be at most " + max));
        }
    }

    /** True when at least one layer has an MoE FFN. */
    public boolean isMoe() {
        return experts > 0 && countMoeLayers(layers, denseLayers, moeLayerStep, moeLayerPattern) > 0;
    }

    /** Layers with an MoE FFN. */
    public int moeLayers() {
        return isMoe() ? countMoeLayers(layers, denseLayers, moeLayerStep, moeLayerPattern) : 0;
    }

    /** Whether layer {@code i} (0-based) has an MoE FFN. */
    public boolean isMoeLayer(int i) {
        return experts > 0 && moeLayer(i, denseLayers, moeLayerStep, moeLayerPattern);
    }

    /** Whether layer {@code i} (0-based) attends within {@link #slidingWindow()} tokens only. */
    public boolean isSlidingWindowLayer(int i) {
        return slidingWindow > 0 && (slidingWindowPattern == null || slidingWindowPattern.get(i) == 1);
    }

    /** Whether every MoE layer follows the dense first layers without gaps (the original 15-field layout). */
    public boolean hasSimpleLayout() {
        return moeLayers() == 0 || moeLayers() == layers - denseLayers;
    }

    /** Layers with a dense FFN (all of them in a dense model). */
    public int denseFfnLayers() {
        return layers - moeLayers();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().vocabSize(vocabSize).seqLen(seqLen).layers(layers).denseLayers(denseLayers)
                .dModel(dModel).heads(heads).kvHeads(kvHeads).headDim(headDim).dFfn(dFfn).experts(experts)
                .topK(topK).sharedExperts(sharedExperts).dExpert(dExpert).dShared(dShared)
                .tiedEmbeddings(tiedEmbeddings).mla(mla).moeLayerStep(moeLayerStep).moeLayerPattern(moeLayerPattern)
                .mtpModules(mtpModules).slidingWindow(slidingWindow).slidingWindowPattern(slidingWindowPattern);
    }

    /** Builds a shape, filling unset optional fields with their documented defaults. */
    public static final class Builder {
        private int vocabSize;
        private int seqLen;
        private int layers;
        private int denseLayers;
        private int dModel;
        private int heads;
        private Integer kvHeads;
        private Integer headDim;
        private int dFfn;
        private int experts;
        private int topK;
        private int sharedExperts;
        private int dExpert;
        private Integer dShared;
        private boolean tiedEmbeddings;
        private MlaAttention mla;
        private int moeLayerStep = 1;
        private List<Integer> moeLayerPattern;
        private int mtpModules;
        private int slidingWindow;
        private List<Integer> slidingWindowPattern;

        public Builder vocabSize(int x) { vocabSize = x; return this; }
        public Builder seqLen(int x) { seqLen = x; return this; }
        public Builder layers(int x) { layers = x; return this; }
        public Builder denseLayers(int x) { denseLayers = x; return this; }
        public Builder dModel(int x) { dModel = x; return this; }
        public Builder heads(int x) { heads = x; return this; }
        public Builder kvHeads(Integer x) { kvHeads = x; return this; }
        public Builder headDim(Integer x) { headDim = x; return this; }
        public Builder dFfn(int x) { dFfn = x; return this; }
        public Builder experts(int x) { experts = x; return this; }
        public Builder topK(int x) { topK = x; return this; }
        public Builder sharedExperts(int x) { sharedExperts = x; return this; }
        public Builder dExpert(int x) { dExpert = x; return this; }
        public Builder dShared(Integer x) { dShared = x; return this; }
        public Builder tiedEmbeddings(boolean x) { tiedEmbeddings = x; return this; }
        public Builder mla(MlaAttention x) { mla = x; return this; }
        public Builder moeLayerStep(int x) { moeLayerStep = x; return this; }
        /** Also sets {@code denseLayers} to the pattern's leading dense layers. */
        public Builder moeLayerPattern(List<Integer> x) { moeLayerPattern = x; return this; }
        public Builder mtpModules(int x) { mtpModules = x; return this; }
        public Builder slidingWindow(int x) { slidingWindow = x; return this; }
        public Builder slidingWindowPattern(List<Integer> x) { slidingWindowPattern = x; return this; }

        public ModelShape build() {
            int kv = kvHeads != null ? kvHeads : heads;
            Integer given = headDim == null && mla != null ? Integer.valueOf(mla.qkHeadDim()) : headDim;
            int hd = given != null ? given : (heads > 0 && dModel % heads == 0 ? dModel / heads : 0);
            if (given == null && heads > 0 && dModel > 0 && dModel % heads != 0) {
                throw new InvalidShapeException(List.of(new InvalidShapeException.Violation("headDim",
                        "give headDim explicitly: dModel (" + dModel + ") is not divisible by heads (" + heads + ")")));
            }
            int ds = dShared != null ? dShared : (sharedExperts > 0 ? dExpert : 0);
            int dense = denseLayers;
            if (moeLayerPattern != null && moeLayerPattern.stream().noneMatch(java.util.Objects::isNull)) {
                dense = leadingZeros(moeLayerPattern);
            }
            return new ModelShape(vocabSize, seqLen, layers, dense, dModel, heads, kv, hd, dFfn, experts,
                    topK, sharedExperts, dExpert, ds, tiedEmbeddings, mla, moeLayerStep, moeLayerPattern, mtpModules,
                    slidingWindow, slidingWindowPattern);
        }
    }
}
