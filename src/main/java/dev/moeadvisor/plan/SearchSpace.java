package dev.moeadvisor.plan;

import dev.moeadvisor.shape.MlaAttention;
import dev.moeadvisor.shape.ModelShape;

import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The discretised design space of one request, and the rules that turn a grid point into a {@link ModelShape}.
 *
 * <p>Grid (every list is a {@link Ladder}):
 * <ul>
 *   <li>{@code d_model}: multiples of {@code dModelMultiple} from {@code minDModel} upward, 4 per octave (steps
 *       ≤ 25%); the search stops at the first width at which every shape has too few tokens;</li>
 *   <li>layers {@code L}: one per {@code d_model}, by the depth rule {@link #layers(int)} ({@code L = round(d_model/85)},
 *       the aspect ratio arXiv 2506.12119 chose), kept inside the aspect-ratio bounds;</li>
 *   <li>expert width {@code d_expert}: multiples of {@code dExpertMultiple} with
 *       {@code G = 2·d_model/d_expert} within the granularity bounds, 4 per octave;</li>
 *   <li>routed experts {@code E}: 2 per octave (2, 3, 4, 6, 8, 12, …, 384, 512) together with the same ladder times
 *       the expert-parallel degree, up to {@code maxExperts}, and {@code E > k};</li>
 *   <li>top-k: every integer of the range; dense first layers: every integer of the range, fewer than {@code L}.</li>
 * </ul>
 * Dense baselines: the same {@code d_model} and {@code L} and FFN widths from {@code 2·d_model} up to the widest
 * active FFN the MoE grid offers ({@code (k_max + E_s)·d_expert,max} with {@code d_expert,max = 2·d_model/G_min}, at
 * least {@code 4·d_model}), 8 per octave: a dense-like MoE never wins on an FFN width the dense grid lacks.
 * Grid points a {@link ModelShape} cannot hold (a dense first layer wider than {@link ModelShape#MAX_WIDTH}) are
 * skipped ({@link #buildable}).
 *
 * <p>Shape rules (decisions, documented in the package):
 * <ul>
 *   <li>heads of size 128 ({@code heads = d_model/128}; 64 when d_model is not a multiple of 128); the attention is
 *       the request's {@link AttentionKind}:
 *       <ul>
 *         <li>GQA (the default): {@code heads / headsPerKvHead} key/value heads, default ratio
 *             {@value PlanRequest#DEFAULT_HEADS_PER_KV_HEAD} (Ling-mini-2.0's config.json: 16 heads, 4 key/value
 *             heads; Mixtral-8x7B and Llama-3-8B: 32 and 8), rounded down to a divisor of heads;</li>
 *         <li>MHA: key/value heads = heads, the attention of the runs of arXiv 2506.12119 (ask for it to reproduce
 *             them);</li>
 *         <li>MLA ({@link #deepSeekMla(int, int)}): DeepSeek-V2's ratios to the head size {@code d_h} (arXiv 2405.04434,
 *             §3.1.2: {@code d_h = 128}, {@code d_c = 4·d_h = 512}, {@code d_c' = 1536 = 12·d_h},
 *             {@code d_h^R = d_h/2 = 64}; DeepSeek-V3, arXiv 2412.19437 §4.2, the same): key/value latent
 *             {@code 4·d_h}, no-RoPE query/key part {@code d_h}, RoPE part {@code d_h/2}, value head {@code d_h},
 *             and a query latent {@code 12·d_h} when that is at most {@code d_model/2}, else none (DeepSeek-V2-Lite,
 *             {@code d_model = 2048}, has none; V2 at 5120 and V3 at 7168 have 1536);</li>
 *       </ul></li>
 *   <li>shared expert: one when allowed, as wide as one routed expert ({@code d_shared = d_expert}), so Ling's
 *       {@code A = (k+1)/(E+1)} counts it as one routed-expert unit (arXiv 2507.17702 §2);</li>
 *   <li>shared expert width under the request's {@code sharedExpertTopKWide}: {@code d_shared = k·d_expert}, the
 *       convention of arXiv 2506.12119 §3 ([ER]), instead of Ling's {@code d_shared = d_expert};</li>
 *   <li>dense first layers: FFN width {@code (k + E_s)·d_expert}, the MoE layer's active FFN width, so every layer
 *       costs a token the same FFN compute (Ling-mini-2.0: 5120 dense against 4608 active);</li>
 *   <li>interleaved MoE layers (the request's {@code moeLayerStep n > 1}, Megatron-LM {@code --moe-layer-freq n}):
 *       after the dense first layers, layer {@code i} (0-based) is MoE when {@code (i+1) % n == 0}; the other
 *       layers get the same dense FFN width as the dense first layers. {@code A} and {@code G} (ShapeMetrics) stay
 *       those of an MoE layer, as Ling defines them; {@code N_active}, {@code N_total}, {@code r_a} and {@code M}
 *       count every layer as it is.</li>
 * </ul>
 */
final class SearchSpace {

    static final int HEAD_DIM = 128;
    static final int SMALL_HEAD_DIM = 64;
    /** DeepSeek-V2's latent ranks over its head size 128 (arXiv 2405.04434 §3.1.2): 1536 = 12·128, 512 = 4·128. */
    static final int MLA_Q_LATENT_PER_HEAD_DIM = 12;
    static final int MLA_KV_LATENT_PER_HEAD_DIM = 4;
    /** Ladder resolutions, in mantissa bits (values per octave = 2^bits). */
    static final int WIDTH_BITS = 2;
    static final int EXPERT_WIDTH_BITS = 2;
    static final int EXPERT_COUNT_BITS = 1;
    static final int DENSE_FFN_BITS = 3;
    static final double MIN_DENSE_FFN_RATIO = 2;
    static final double MAX_DENSE_FFN_RATIO = 4;
    /**
     * The depth rule's aspect ratio {@code d_model/L}: arXiv 2506.12119 (§3, backbone search) found 60–120 fine and
     * chose about 85. The loss model has no depth term, so depth is set by this rule, not by the search.
     */
    static final double RULE_ASPECT_RATIO = 85;

    private final PlanRequest request;
    private final int[] dModels;
    private final int[] experts;
    private final int[] topKs;
    /** Per index of {@link #dModels}: its widths once asked for (one search space per search, not thread-safe). */
    private final int[][] expertWidths;
    private final int[][] denseFfnWidths;

    SearchSpace(PlanRequest request) {
        this.request = request;
        this.dModels = Ladder.multiples(request.dModelMultiple(), request.minDModel(), ModelShape.MAX_WIDTH, WIDTH_BITS);
        int minExperts = request.minTopK() + 1;
        int[] ladder = Ladder.between(minExperts, request.maxExperts(), EXPERT_COUNT_BITS);
        int ep = request.expertParallelDegree();
        int[] parallel = Ladder.multiples(ep, minExperts, request.maxExperts(), EXPERT_COUNT_BITS);
        this.experts = IntStream.concat(Arrays.stream(ladder), Arrays.stream(parallel)).sorted().distinct().toArray();
        this.topKs = IntStream.rangeClosed(request.minTopK(), request.maxTopK()).toArray();
        this.expertWidths = new int[dModels.length][];
        this.denseFfnWidths = new int[dModels.length][];
    }

    /** {@code compute(dModel)}, kept in {@code memo} when {@code dModel} is one of {@link #dModels}. */
    private int[] memo(int[][] memo, int dModel, IntFunction<int[]> compute) {
        int i = Arrays.binarySearch(dModels, dModel);
        if (i < 0) {
            return compute.apply(dModel);
        }
        if (memo[i] == null) {
            memo[i] = compute.apply(dModel);
        }
        return memo[i];
    }

    PlanRequest request() {
        return request;
    }

    /** Candidate widths, ascending (the caller stops early). */
    int[] dModels() {
        return dModels;
    }

    /**
     * The depth of a {@code d_model}: {@code L = round(d_model/85)} (the aspect ratio arXiv 2506.12119 chose), moved
     * to the nearest integer inside the aspect-ratio bounds when it lies outside them; empty when no integer does.
     */
    int[] layers(int dModel) {
        EvidenceBounds b = request.bounds();
        int lo = (int) Math.max(1, Math.ceil(dModel / b.maxAspectRatio() - 1e-9));
        int hi = (int) Math.min(ModelShape.MAX_LAYERS, Math.floor(dModel / b.minAspectRatio() + 1e-9));
        if (lo > hi) {
            return new int[0];
        }
        return new int[] {Math.max(lo, Math.min(hi, ruleLayers(dModel)))};
    }

    /** The depth rule without the bounds: {@code round(d_model/85)}, at least 1. */
    static int ruleLayers(int dModel) {
        return (int) Math.max(1, Math.round(dModel / RULE_ASPECT_RATIO));
    }

    /**
     * The expert widths of a {@code d_model} of {@link #dModels}, computed once and then the same array (callers read
     * it, never write it): the searches of a plan ask for each many times.
     */
    int[] expertWidths(int dModel) {
        return memo(expertWidths, dModel, this::computeExpertWidths);
    }

    private int[] computeExpertWidths(int dModel) {
        EvidenceBounds b = request.bounds();
        return Ladder.multiples(request.dExpertMultiple(), 2.0 * dModel / b.maxGranularity(),
                Math.min(2.0 * dModel / b.minGranularity(), ModelShape.MAX_WIDTH), EXPERT_WIDTH_BITS);
    }

    int[] experts() {
        return experts;
    }

    int[] topKs() {
        return topKs;
    }

    int[] denseFfnWidths(int dModel) {
        return memo(denseFfnWidths, dModel, this::computeDenseFfnWidths);
    }

    private int[] computeDenseFfnWidths(int dModel) {
        return Ladder.multiples(request.dExpertMultiple(), MIN_DENSE_FFN_RATIO * dModel,
                Math.min(maxDenseFfnRatio() * dModel, ModelShape.MAX_WIDTH), DENSE_FFN_BITS);
    }

    /**
     * The widest dense FFN, in units of d_model: the widest active FFN of the MoE grid,
     * {@code (k_max + E_s)·2/G_min}, and at least {@link #MAX_DENSE_FFN_RATIO}.
     */
    double maxDenseFfnRatio() {
        double moeActive = (request.maxTopK() + request.sharedExperts()) * 2.0 / request.bounds().minGranularity();
        return Math.max(MAX_DENSE_FFN_RATIO, moeActive);
    }

    /**
     * False for a grid point no {@link ModelShape} can hold: dense first layers as wide as the active MoE FFN,
     * {@code (k + E_s)·d_expert}, beyond {@link ModelShape#MAX_WIDTH}. The search skips such points.
     */
    boolean buildable(int denseLayers, int dExpert, int topK) {
        return (denseLayers == 0 && request.moeLayerStep() == 1) || (long) (topK + request.sharedExperts()) * dExpert <= ModelShape.MAX_WIDTH;
    }

    /**
     * The most dense first layers a depth allows: fewer than {@code L}, and (with MoE every n-th layer,
     * {@link ModelShape#isMoeLayer}) few enough to leave at least one MoE layer, {@code ⌊L/n⌋·n − 1}.
     */
    int maxDenseLayers(int layers) {
        int step = request.moeLayerStep();
        return Math.min(request.maxDenseLayers(), step <= 1 ? layers - 1 : layers / step * step - 1);
    }

    /** The MoE shape at a grid point. */
    ModelShape moe(int dModel, int layers, int denseLayers, int dExpert, int experts, int topK) {
        int headDim = headDim(dModel);
        int heads = dModel / headDim;
        int shared = request.sharedExperts();
        int dShared = sharedWidth(dExpert, topK);
        int step = request.moeLayerStep();
        int dFfn = denseLayers > 0 || step > 1 ? denseFirstLayerFfn(dExpert, topK) : 0;
        return new ModelShape(request.vocabSize(), request.seqLen(), layers, denseLayers, dModel, heads,
                request.kvHeads(heads), headDim, dFfn, experts, topK, shared, dExpert, dShared, false,
                mla(dModel, headDim), step, null, 0, 0, null);
    }

    /** The shared expert's width at a grid point: {@code d_expert} ({@code k·d_expert} when top-k wide), 0 without one. */
    int sharedWidth(int dExpert, int topK) {
        return request.sharedExperts() == 0 ? 0 : request.sharedExpertTopKWide() ? topK * dExpert : dExpert;
    }

    /** The FFN width of a dense first layer at a grid point: the MoE layer's active FFN, {@code k·d_expert + E_s·d_shared}. */
    int denseFirstLayerFfn(int dExpert, int topK) {
        return topK * dExpert + request.sharedExperts() * sharedWidth(dExpert, topK);
    }

    /** The dense shape at a grid point. */
    ModelShape dense(int dModel, int layers, int dFfn) {
        int headDim = headDim(dModel);
        int heads = dModel / headDim;
        return new ModelShape(request.vocabSize(), request.seqLen(), layers, layers, dModel, heads,
                request.kvHeads(heads), headDim, dFfn, 0, 0, 0, 0, 0, false, mla(dModel, headDim), 1, null, 0, 0,
                null);
    }

    /** The request's MLA at this width ({@code null} unless it asks for MLA); dimensions as in the class comment. */
    private MlaAttention mla(int dModel, int headDim) {
        return request.attention() == AttentionKind.MLA ? deepSeekMla(dModel, headDim) : null;
    }

    /**
     * DeepSeek-V2/V3's MLA scaled to head size {@code d_h}: query latent {@code 12·d_h} (none when above
     * {@code d_model/2}), key/value latent {@code 4·d_h}, query/key {@code d_h} + RoPE {@code d_h/2}, value {@code d_h}.
     */
    static MlaAttention deepSeekMla(int dModel, int headDim) {
        int qLatent = MLA_Q_LATENT_PER_HEAD_DIM * headDim;
        return new MlaAttention(2 * qLatent <= dModel ? qLatent : 0, MLA_KV_LATENT_PER_HEAD_DIM * headDim, headDim,
                headDim / 2, headDim);
    }

    static int headDim(int dModel) {
        return dModel % HEAD_DIM == 0 ? HEAD_DIM : SMALL_HEAD_DIM;
    }
}
