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
        boolean tiedEmbeddings) {

    /** Upper bounds that keep every count finite and meaningful; far above any model ever trained. */
    public static final int MAX_LAYERS = 10_000;
    public static final int MAX_WIDTH = 1 << 20;
    public static final int MAX_EXPERTS = 1 << 16;
    public static final int MAX_VOCAB = 1 << 24;
    public static final int MAX_SEQ_LEN = 1 << 24;

    public ModelShape {
        List<InvalidShapeException.Violation> v = new ArrayList<>();
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
        boolean hasDenseFfn = denseLayers > 0 || experts == 0;
        if (hasDenseFfn) {
            range(v, "dFfn", dFfn, 1, MAX_WIDTH);
        } else {
            range(v, "dFfn", dFfn, 0, MAX_WIDTH);
        }
        boolean hasMoe = experts > 0 && denseLayers < layers;
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

    private static void range(List<InvalidShapeException.Violation> v, String field, int value, int min, int max) {
        if (value < min) {
            v.add(new InvalidShapeException.Violation(field, min == 1 ? "must be positive" : "must be at least " + min));
        } else if (value > max) {
            v.add(new InvalidShapeException.Violation(field, "must be at most " + max));
        }
    }

    /** True when at least one layer has an MoE FFN. */
    public boolean isMoe() {
        return experts > 0 && denseLayers < layers;
    }

    /** Layers with an MoE FFN. */
    public int moeLayers() {
        return isMoe() ? layers - denseLayers : 0;
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
                .tiedEmbeddings(tiedEmbeddings);
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

        public ModelShape build() {
            int kv = kvHeads != null ? kvHeads : heads;
            int hd = headDim != null ? headDim : (heads > 0 && dModel % heads == 0 ? dModel / heads : 0);
            if (headDim == null && heads > 0 && dModel > 0 && dModel % heads != 0) {
                throw new InvalidShapeException(List.of(new InvalidShapeException.Violation("headDim",
                        "give headDim explicitly: dModel (" + dModel + ") is not divisible by heads (" + heads + ")")));
            }
            int ds = dShared != null ? dShared : (sharedExperts > 0 ? dExpert : 0);
            return new ModelShape(vocabSize, seqLen, layers, denseLayers, dModel, heads, kv, hd, dFfn, experts,
                    topK, sharedExperts, dExpert, ds, tiedEmbeddings);
        }
    }
}
