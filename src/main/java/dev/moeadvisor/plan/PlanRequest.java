package dev.moeadvisor.plan;

import dev.moeadvisor.shape.ModelShape;

import java.util.ArrayList;
import java.util.List;

/**
 * A budget and its constraints: what the planner turns into ranked shapes. Immutable; {@link #builder(double, double)}
 * fills the documented defaults. The constructor validates every field and throws a {@link PlanRequestException}
 * naming the first offending one.
 *
 * @param computeFlops              training compute C in FLOPs (required, finite, positive)
 * @param uniqueTokens              unique training tokens U (required, positive; {@link #AMPLE} = unlimited)
 * @param maxTotalParams            memory cap on non-embedding total parameters ({@code +∞}: none)
 * @param fixedTotalParams          required non-embedding total parameters, the equal-resources question
 *                                  ({@code NaN}: free)
 * @param fixedTotalParamsTolerance relative tolerance around {@code fixedTotalParams} (default 0.05)
 * @param maxEpochs                 most passes over the unique data (default 4)
 * @param seqLen                    training sequence length (default 4096)
 * @param vocabSize                 vocabulary, for the embeddings reported apart (default 128000)
 * @param maxExperts                most routed experts E (default 512)
 * @param expertParallelDegree      E must be divisible by it (default 1)
 * @param minTopK                   fewest routed experts per token (default 2: arXiv 2506.12119, Table 7)
 * @param maxTopK                   most routed experts per token (default 8)
 * @param sharedExpert              one shared expert per MoE layer (default true: Ling's "one shared expert
 *                                  rule"); false: none
 * @param dModelMultiple            d_model is a multiple of it (default 128; must be a multiple of 64)
 * @param dExpertMultiple           d_expert is a multiple of it (default 64)
 * @param minDModel                 narrowest d_model searched (default 512)
 * @param minDenseLayers            fewest dense first layers (default 0)
 * @param maxDenseLayers            most dense first layers (default 3; Ling: 1–3 help at larger budgets)
 * @param bounds                    evidence bounds (default {@link EvidenceBounds#EVIDENCE})
 * @param alternatives              how many alternatives to return (default 10)
 * @param headsPerKvHead            query heads per key/value head under {@link AttentionKind#GQA} (the group size;
 *                                  default {@value #DEFAULT_HEADS_PER_KV_HEAD}, the ratio of Ling-mini-2.0's
 *                                  config.json, 16 heads / 4 key/value heads, of Mixtral-8x7B's and Llama-3-8B's,
 *                                  32 / 8; Qwen3-30B-A3B and Llama-3-70B use 8; 0 in a stored request = 1). Heads not
 *                                  divisible by it get the largest divisor below; 1 is multi-head attention.
 * @param sharedExpertTopKWide      the shared expert is {@code k·d_expert} wide ([ER]'s convention,
 *                                  arXiv 2506.12119 §3) instead of one routed expert's width (Ling's, the default)
 * @param hardware                  the GPUs the budget came from, or {@code null} (budget given in FLOPs): echoed on
 *                                  the plan with wall-clock times; when its memory per GPU is known, only shapes
 *                                  that fit under some parallel layout are kept ({@link Constraint#GPU_MEMORY})
 * @param attention                 the attention of every searched shape (default {@link AttentionKind#GQA} with
 *                                  {@code headsPerKvHead}; {@link AttentionKind#MHA}: key/value heads = heads, the
 *                                  runs of arXiv 2506.12119; {@link AttentionKind#MLA}: DeepSeek-V2/V3's latent
 *                                  attention; {@code null} in a stored request = GQA with its stored
 *                                  {@code headsPerKvHead}, which was 1 = MHA before this field existed)
 * @param moeLayerStep              MoE FFN every n-th layer after the dense first layers (Megatron-LM
 *                                  {@code --moe-layer-freq n}, HF {@code decoder_sparse_step}; layer {@code i}, 0-based,
 *                                  is MoE when {@code (i+1) % n == 0}); default 1 = every layer; 0 in a stored
 *                                  request = 1. The other layers get a dense FFN of the MoE layer's active width.
 */
public record PlanRequest(
        double computeFlops,
        double uniqueTokens,
        double maxTotalParams,
        double fixedTotalParams,
        double fixedTotalParamsTolerance,
        double maxEpochs,
        int seqLen,
        int vocabSize,
        int maxExperts,
        int expertParallelDegree,
        int minTopK,
        int maxTopK,
        boolean sharedExpert,
        int dModelMultiple,
        int dExpertMultiple,
        int minDModel,
        int minDenseLayers,
        int maxDenseLayers,
        EvidenceBounds bounds,
        int alternatives,
        int headsPerKvHead,
        boolean sharedExpertTopKWide,
        Hardware hardware,
        AttentionKind attention,
        int moeLayerStep) {

    /** Unlimited unique data: no repetition. */
    public static final double AMPLE = Double.POSITIVE_INFINITY;
    /** Defaults; see the component docs. */
    public static final double DEFAULT_TOLERANCE = 0.05;
    public static final double DEFAULT_MAX_EPOCHS = 4;
    public static final int DEFAULT_SEQ_LEN = 4096;
    public static final int DEFAULT_VOCAB = 128_000;
    public static final int DEFAULT_MAX_EXPERTS = 512;
    public static final int DEFAULT_MIN_TOP_K = 2;
    public static final int DEFAULT_MAX_TOP_K = 8;
    public static final int DEFAULT_MAX_DENSE_LAYERS = 3;
    public static final int DEFAULT_ALTERNATIVES = 10;
    public static final int DEFAULT_HEADS_PER_KV_HEAD = 4;
    /** Most layers between MoE layers a request may ask for (Llama 4 Maverick and the [ER] runs interleave 2). */
    public static final int MAX_MOE_LAYER_STEP = 8;
    /** Most dense first layers and most alternatives a request may ask for. */
    public static final int MAX_DENSE_LAYERS = 64;
    public static final int MAX_ALTERNATIVES = 100;

    public PlanRequest {
        if (headsPerKvHead == 0) {
            headsPerKvHead = 1;
        }
        if (attention == null) {
            attention = AttentionKind.GQA;
        }
        if (moeLayerStep == 0) {
            moeLayerStep = 1;
        }
        if (!(computeFlops > 0) || !Double.isFinite(computeFlops)) {
            throw new PlanRequestException("computeFlops", "must be a positive finite number of FLOPs");
        }
        if (!(uniqueTokens > 0)) {
            throw new PlanRequestException("uniqueTokens", "must be positive (or ample)");
        }
        if (!(maxTotalParams > 0)) {
            throw new PlanRequestException("maxTotalParams", "must be positive (or unlimited)");
        }
        if (!Double.isNaN(fixedTotalParams) && (!(fixedTotalParams > 0) || !Double.isFinite(fixedTotalParams))) {
            throw new PlanRequestException("fixedTotalParams", "must be positive and finite, or absent");
        }
        if (!(fixedTotalParamsTolerance > 0 && fixedTotalParamsTolerance < 1)) {
            throw new PlanRequestException("fixedTotalParamsTolerance", "must lie in (0, 1)");
        }
        if (!(maxEpochs > 0)) {
            throw new PlanRequestException("maxEpochs", "must be positive");
        }
        checkRange("seqLen", seqLen, 1, ModelShape.MAX_SEQ_LEN);
        checkRange("vocabSize", vocabSize, 1, ModelShape.MAX_VOCAB);
        checkRange("minTopK", minTopK, 1, ModelShape.MAX_EXPERTS - 1);
        checkRange("maxTopK", maxTopK, minTopK, ModelShape.MAX_EXPERTS - 1);
        checkRange("maxExperts", maxExperts, maxTopK + 1, ModelShape.MAX_EXPERTS);
        checkRange("expertParallelDegree", expertParallelDegree, 1, maxExperts);
        checkRange("dModelMultiple", dModelMultiple, 64, 1 << 14);
        if (dModelMultiple % 64 != 0) {
            throw new PlanRequestException("dModelMultiple", "must be a multiple of 64 (heads of 64 or 128)");
        }
        checkRange("dExpertMultiple", dExpertMultiple, 1, 1 << 14);
        checkRange("minDModel", minDModel, dModelMultiple, ModelShape.MAX_WIDTH);
        checkRange("minDenseLayers", minDenseLayers, 0, MAX_DENSE_LAYERS);
        checkRange("maxDenseLayers", maxDenseLayers, minDenseLayers, MAX_DENSE_LAYERS);
        if (bounds == null) {
            throw new PlanRequestException("bounds", "must be given");
        }
        checkRange("alternatives", alternatives, 0, MAX_ALTERNATIVES);
        checkRange("headsPerKvHead", headsPerKvHead, 1, 1 << 10);
        checkRange("moeLayerStep", moeLayerStep, 1, MAX_MOE_LAYER_STEP);
        if (hardware != null && Math.abs(hardware.budget().computeFlops() / computeFlops - 1.0) > 1e-9) {
            throw new PlanRequestException("gpuBudget", "gives " + hardware.budget().computeFlops()
                    + " FLOPs, not the request's computeFlops " + computeFlops);
        }
    }

    /** The request as it was before the attention kind and the MoE layer step (GQA by headsPerKvHead, every layer MoE). */
    public PlanRequest(double computeFlops, double uniqueTokens, double maxTotalParams, double fixedTotalParams,
                       double fixedTotalParamsTolerance, double maxEpochs, int seqLen, int vocabSize, int maxExperts,
                       int expertParallelDegree, int minTopK, int maxTopK, boolean sharedExpert, int dModelMultiple,
                       int dExpertMultiple, int minDModel, int minDenseLayers, int maxDenseLayers,
                       EvidenceBounds bounds, int alternatives, int headsPerKvHead, boolean sharedExpertTopKWide,
                       Hardware hardware) {
        this(computeFlops, uniqueTokens, maxTotalParams, fixedTotalParams, fixedTotalParamsTolerance, maxEpochs,
                seqLen, vocabSize, maxExperts, expertParallelDegree, minTopK, maxTopK, sharedExpert, dModelMultiple,
                dExpertMultiple, minDModel, minDenseLayers, maxDenseLayers, bounds, alternatives, headsPerKvHead,
                sharedExpertTopKWide, hardware, AttentionKind.GQA, 1);
    }

    /** The request as it was before GPU budgets were kept (no hardware). */
    public PlanRequest(double computeFlops, double uniqueTokens, double maxTotalParams, double fixedTotalParams,
                       double fixedTotalParamsTolerance, double maxEpochs, int seqLen, int vocabSize, int maxExperts,
                       int expertParallelDegree, int minTopK, int maxTopK, boolean sharedExpert, int dModelMultiple,
                       int dExpertMultiple, int minDModel, int minDenseLayers, int maxDenseLayers,
                       EvidenceBounds bounds, int alternatives, int headsPerKvHead, boolean sharedExpertTopKWide) {
        this(computeFlops, uniqueTokens, maxTotalParams, fixedTotalParams, fixedTotalParamsTolerance, maxEpochs,
                seqLen, vocabSize, maxExperts, expertParallelDegree, minTopK, maxTopK, sharedExpert, dModelMultiple,
                dExpertMultiple, minDModel, minDenseLayers, maxDenseLayers, bounds, alternatives, headsPerKvHead,
                sharedExpertTopKWide, null);
    }

    /**
     * Key/value heads for {@code heads} query heads: under GQA {@code heads / headsPerKvHead}, rounded down to a divisor
     * of heads; under MHA (and MLA, whose counts do not use it) {@code heads}.
     */
    public int kvHeads(int heads) {
        if (attention != AttentionKind.GQA) {
            return heads;
        }
        int kv = Math.max(1, heads / headsPerKvHead);
        while (heads % kv != 0) {
            kv--;
        }
        return kv;
    }

    private static void checkRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new PlanRequestException(field, "must lie in [" + min + ", " + max + "], got " + value);
        }
    }

    /** True when the total parameters are fixed (the equal-resources question). */
    public boolean hasFixedTotalParams() {
        return !Double.isNaN(fixedTotalParams);
    }

    public boolean hasMemoryCap() {
        return maxTotalParams != Double.POSITIVE_INFINITY;
    }

    public boolean hasAmpleData() {
        return uniqueTokens == Double.POSITIVE_INFINITY;
    }

    /** Shared experts per MoE layer: 1 when {@link #sharedExpert()}, else 0. */
    public int sharedExperts() {
        return sharedExpert ? 1 : 0;
    }

    /** The same request with another budget (no longer the GPU budget's, so without hardware). */
    public PlanRequest withBudget(double newComputeFlops, double newUniqueTokens) {
        return toBuilder().computeFlops(newComputeFlops).uniqueTokens(newUniqueTokens).hardware(null).build();
    }

    /**
     * One sentence per setting that leaves the evidence of the papers: widened bounds, top-1 routing, k above 8,
     * more than 512 experts or 3 dense layers, no shared expert.
     */
    public List<String> departuresFromEvidence() {
        List<String> out = new ArrayList<>(bounds.widenedBeyond(EvidenceBounds.EVIDENCE));
        if (minTopK < DEFAULT_MIN_TOP_K) {
            out.add("minTopK widened to " + minTopK + " (evidence: k ≥ 2; top-1 routing was worse, arXiv 2506.12119 Table 7)");
        }
        if (maxTopK > DEFAULT_MAX_TOP_K) {
            out.add("maxTopK widened to " + maxTopK + " (evidence: k ≤ 8; very large k is to be avoided, arXiv 2506.12119)");
        }
        if (maxExperts > DEFAULT_MAX_EXPERTS) {
            out.add("maxExperts widened to " + maxExperts + " (evidence: E ≤ 512)");
        }
        if (maxDenseLayers > DEFAULT_MAX_DENSE_LAYERS) {
            out.add("maxDenseLayers widened to " + maxDenseLayers + " (evidence: 1–3 dense first layers, arXiv 2507.17702)");
        }
        if (!sharedExpert) {
            out.add("no shared expert (Ling's one-shared-expert rule, arXiv 2507.17702, turned off)");
        }
        if (attention == AttentionKind.MLA) {
            out.add("multi-head latent attention (the laws' runs used MHA/GQA, arXiv 2506.12119 and 2507.17702;"
                    + " MLA enters the loss only through N_active and the FLOPs per token)");
        }
        if (moeLayerStep > 1) {
            out.add("MoE every " + moeLayerStep + " layers (Ling's runs put an MoE FFN in every layer after the dense"
                    + " first ones; A and G describe the MoE layers only, arXiv 2507.17702 §2–3)");
        }
        return out;
    }

    public static Builder builder(double computeFlops, double uniqueTokens) {
        return new Builder().computeFlops(computeFlops).uniqueTokens(uniqueTokens);
    }

    public Builder toBuilder() {
        return new Builder().computeFlops(computeFlops).uniqueTokens(uniqueTokens).maxTotalParams(maxTotalParams)
                .fixedTotalParams(fixedTotalParams, fixedTotalParamsTolerance).maxEpochs(maxEpochs).seqLen(seqLen)
                .vocabSize(vocabSize).maxExperts(maxExperts).expertParallelDegree(expertParallelDegree)
                .topK(minTopK, maxTopK).sharedExpert(sharedExpert).dModelMultiple(dModelMultiple)
                .dExpertMultiple(dExpertMultiple).minDModel(minDModel).denseLayers(minDenseLayers, maxDenseLayers)
                .bounds(bounds).alternatives(alternatives).headsPerKvHead(headsPerKvHead)
                .sharedExpertTopKWide(sharedExpertTopKWide).hardware(hardware).attention(attention)
                .moeLayerStep(moeLayerStep);
    }

    /** Collects the fields; {@link #build()} validates them. */
    public static final class Builder {
        private double computeFlops = Double.NaN;
        private double uniqueTokens = Double.NaN;
        private double maxTotalParams = Double.POSITIVE_INFINITY;
        private double fixedTotalParams = Double.NaN;
        private double fixedTotalParamsTolerance = DEFAULT_TOLERANCE;
        private double maxEpochs = DEFAULT_MAX_EPOCHS;
        private int seqLen = DEFAULT_SEQ_LEN;
        private int vocabSize = DEFAULT_VOCAB;
        private int maxExperts = DEFAULT_MAX_EXPERTS;
        private int expertParallelDegree = 1;
        private int minTopK = DEFAULT_MIN_TOP_K;
        private int maxTopK = DEFAULT_MAX_TOP_K;
        private boolean sharedExpert = true;
        private int dModelMultiple = 128;
        private int dExpertMultiple = 64;
        private int minDModel = 512;
        private int minDenseLayers = 0;
        private int maxDenseLayers = DEFAULT_MAX_DENSE_LAYERS;
        private EvidenceBounds bounds = EvidenceBounds.EVIDENCE;
        private int alternatives = DEFAULT_ALTERNATIVES;
        private int headsPerKvHead = DEFAULT_HEADS_PER_KV_HEAD;
        private boolean sharedExpertTopKWide;
        private Hardware hardware;
        private AttentionKind attention = AttentionKind.GQA;
        private int moeLayerStep = 1;

        private Builder() {
        }

        public Builder computeFlops(double x) { computeFlops = x; return this; }
        public Builder uniqueTokens(double x) { uniqueTokens = x; return this; }
        public Builder maxTotalParams(double x) { maxTotalParams = x; return this; }
        public Builder fixedTotalParams(double x) { fixedTotalParams = x; return this; }
        public Builder fixedTotalParams(double x, double relativeTolerance) {
            fixedTotalParams = x;
            fixedTotalParamsTolerance = relativeTolerance;
            return this;
        }
        public Builder maxEpochs(double x) { maxEpochs = x; return this; }
        public Builder seqLen(int x) { seqLen = x; return this; }
        public Builder vocabSize(int x) { vocabSize = x; return this; }
        public Builder maxExperts(int x) { maxExperts = x; return this; }
        public Builder expertParallelDegree(int x) { expertParallelDegree = x; return this; }
        public Builder topK(int min, int max) { minTopK = min; maxTopK = max; return this; }
        public Builder sharedExpert(boolean x) { sharedExpert = x; return this; }
        public Builder dModelMultiple(int x) { dModelMultiple = x; return this; }
        public Builder dExpertMultiple(int x) { dExpertMultiple = x; return this; }
        public Builder minDModel(int x) { minDModel = x; return this; }
        public Builder denseLayers(int min, int max) { minDenseLayers = min; maxDenseLayers = max; return this; }
        public Builder bounds(EvidenceBounds x) { bounds = x; return this; }
        public Builder alternatives(int x) { alternatives = x; return this; }
        public Builder headsPerKvHead(int x) { headsPerKvHead = x; return this; }
        public Builder sharedExpertTopKWide(boolean x) { sharedExpertTopKWide = x; return this; }
        public Builder hardware(Hardware x) { hardware = x; return this; }
        public Builder attention(AttentionKind x) { attention = x; return this; }
        /** Multi-head attention, key/value heads = heads: the attention of the runs of arXiv 2506.12119. */
        public Builder mha() { attention = AttentionKind.MHA; return this; }
        public Builder moeLayerStep(int x) { moeLayerStep = x; return this; }

        public PlanRequest build() {
            return new PlanRequest(computeFlops, uniqueTokens, maxTotalParams, fixedTotalParams,
                    fixedTotalParamsTolerance, maxEpochs, seqLen, vocabSize, maxExperts, expertParallelDegree, minTopK,
                    maxTopK, sharedExpert, dModelMultiple, dExpertMultiple, minDModel, minDenseLayers, maxDenseLayers,
                    bounds, alternatives, headsPerKvHead, sharedExpertTopKWide, hardware, attention, moeLayerStep);
        }
    }
}
