package dev.moeadvisor.shape;

/**
 * Everything that follows from a {@link ModelShape}: parameter counts, FLOPs per token, the three activation
 * ratios and the granularity.
 *
 * <p>Parameters (non-embedding, norm weights and biases ignored), per layer:
 * <ul>
 *   <li>attention, MHA/GQA: {@code 2·d_model·n_heads·d_head + 2·d_model·n_kv_heads·d_head}; MLA: see
 *       {@link MlaAttention} (DeepSeek-V2, arXiv 2405.04434, §2.1);</li>
 *   <li>dense FFN: {@code 3·d_model·d_ffn};</li>
 *   <li>MoE FFN, total: {@code 3·d_model·(E·d_expert + E_s·d_shared) + d_model·E} (the last term is the router);</li>
 *   <li>MoE FFN, active: {@code 3·d_model·(k·d_expert + E_s·d_shared) + d_model·E}.</li>
 * </ul>
 * {@code N} sums attention over all layers, the dense FFN over the dense layers and the MoE FFN over the MoE layers
 * (which layers are which: {@link ModelShape#isMoeLayer}). Embeddings {@code V·d_model} (twice unless tied) are
 * counted apart, never inside N; so are multi-token-prediction modules (DeepSeek-V3, arXiv 2412.19437, §2.2): each is
 * one more block with the FFN kind of the last layer plus the projection {@code 2·d_model·d_model} (its embedding and
 * output head are shared with the main model).
 *
 * <p>FLOPs per token (Li, Lo et al., arXiv 2506.12119, §3.1; Ling, arXiv 2507.17702, App. C):
 * {@code M_fwd = 2·N_active + Σ_layers 2·S_l·n_heads·(d_qk + d_v)} with {@code d_qk = d_v = d_head} for MHA/GQA
 * (giving the papers' {@code 4·S·L·n_heads·d_head}) and {@code d_qk = d_nope + d_rope}, {@code d_v} for MLA;
 * {@code S_l = S}, or {@code min(S, window)} on a sliding-window layer. Attention over the full sequence, no causal
 * halving; logits excluded. Training {@code M = 3·M_fwd}. MTP modules' FLOPs are reported apart
 * ({@link #mtpFlopsPerTokenTraining}).
 *
 * <p>Activation ratios: {@code A = (k + s)/(E + s)} with {@code s = E_s·d_shared/d_expert} (Ling §2, the one
 * the EL law takes); {@code A_routed = k/E}; {@code r_a = N_active/N_total} (arXiv 2506.12119). Granularity
 * {@code G = 2·d_model/d_expert} (Ling §3). A dense model has {@code A = A_routed = r_a = 1} and no
 * granularity ({@code NaN}). With interleaved or patterned MoE layers ({@link ModelShape#moeLayerStep()},
 * {@link ModelShape#moeLayerPattern()}) {@code A}, {@code A_routed} and {@code G} stay those of one MoE layer, as Ling
 * defines them (its runs put an MoE FFN in every layer after the dense first ones); the dense layers enter only
 * {@code N_total}, {@code N_active} (so {@code r_a}) and the FLOPs per token.
 */
public record ShapeMetrics(
        double totalParams,
        double activeParams,
        double embeddingParams,
        double attentionParamsPerLayer,
        double flopsPerTokenForward,
        double flopsPerTokenTraining,
        double activationRatioLing,
        double activationRatioRouted,
        double activationRatioParams,
        double granularity,
        double unembeddingParams,
        double mtpParams,
        double mtpActiveParams,
        double mtpFlopsPerTokenTraining) {

    public static ShapeMetrics of(ModelShape s) {
        double d = s.dModel();
        double attention = attentionParams(s);
        double denseFfn = denseFfnParams(s);
        double total = s.layers() * attention + s.denseFfnLayers() * denseFfn;
        double active = total;
        double aLing = 1.0;
        double aRouted = 1.0;
        double g = Double.NaN;
        double moeTotal = 0;
        double moeActive = 0;
        if (s.isMoe()) {
            double shared = (double) s.sharedExperts() * s.dShared();
            double router = d * s.experts();
            moeTotal = routedExpertParams(s) + moeSharedAndRouterParams(s);
            moeActive = 3.0 * d * ((double) s.topK() * s.dExpert() + shared) + router;
            total += s.moeLayers() * moeTotal;
            active += s.moeLayers() * moeActive;
            double sharedUnits = shared / s.dExpert();
            aLing = (s.topK() + sharedUnits) / (s.experts() + sharedUnits);
            aRouted = (double) s.topK() / s.experts();
            g = 2.0 * d / s.dExpert();
        }
        double unembedding = (double) s.vocabSize() * d;
        double embedding = (s.tiedEmbeddings() ? 1.0 : 2.0) * unembedding;
        double attentionFlops = 0;
        for (int i = 0; i < s.layers(); i++) {
            attentionFlops += attentionFlopsPerToken(s, i);
        }
        double forward = 2.0 * active + attentionFlops;

        boolean lastMoe = s.isMoeLayer(s.layers() - 1);
        double projection = 2.0 * d * d;
        double mtpBlock = attention + projection;
        double mtp = s.mtpModules() * (mtpBlock + (lastMoe ? moeTotal : denseFfn));
        double mtpActive = s.mtpModules() * (mtpBlock + (lastMoe ? moeActive : denseFfn));
        double mtpFlops = 3.0 * (2.0 * mtpActive + s.mtpModules() * attentionFlopsPerToken(s, s.layers() - 1));
        return new ShapeMetrics(total, active, embedding, attention, forward, 3.0 * forward, aLing, aRouted,
                active / total, g, unembedding, mtp, mtpActive, mtpFlops);
    }

    /** Attention parameters of one layer: MHA/GQA {@code 2·d·n_h·d_head + 2·d·n_kv·d_head}, or MLA's. */
    public static double attentionParams(ModelShape s) {
        double d = s.dModel();
        return s.mla() != null ? s.mla().paramsPerLayer(s.dModel(), s.heads())
                : 2.0 * d * s.heads() * s.headDim() + 2.0 * d * s.kvHeads() * s.headDim();
    }

    /** Parameters of one dense (gated) FFN: {@code 3·d_model·d_ffn}. */
    public static double denseFfnParams(ModelShape s) {
        return 3.0 * s.dModel() * s.dFfn();
    }

    /** Routed-expert parameters of one MoE layer, {@code 3·d_model·E·d_expert} (what expert parallelism splits). */
    public static double routedExpertParams(ModelShape s) {
        return 3.0 * s.dModel() * (double) s.experts() * s.dExpert();
    }

    /** The rest of one MoE FFN: shared experts and router, {@code 3·d_model·E_s·d_shared + d_model·E}. */
    public static double moeSharedAndRouterParams(ModelShape s) {
        double d = s.dModel();
        return 3.0 * d * (double) s.sharedExperts() * s.dShared() + d * s.experts();
    }

    /** Attention scores and values of layer {@code i}, forward, per token: {@code 2·S_l·n_heads·(d_qk + d_v)}. */
    public static double attentionFlopsPerToken(ModelShape s, int i) {
        double span = s.isSlidingWindowLayer(i) ? Math.min(s.seqLen(), s.slidingWindow()) : s.seqLen();
        double qk = s.mla() != null ? s.mla().qkHeadDim() : s.headDim();
        double v = s.mla() != null ? s.mla().vHeadDim() : s.headDim();
        return 2.0 * span * s.heads() * (qk + v);
    }

    /**
     * Forward FLOPs per token, {@code M_fwd = 2·N_active + 4·S·L·n_heads·d_head}, for callers that know the active
     * parameters but not the whole shape (e.g. a published run whose layout a {@link ModelShape} cannot express).
     */
    public static double forwardFlopsPerToken(double activeParams, int seqLen, int layers, int heads, int headDim) {
        return 2.0 * activeParams + 4.0 * seqLen * layers * (double) heads * headDim;
    }

    /** Total parameters including embeddings. */
    public double totalParamsWithEmbeddings() {
        return totalParams + embeddingParams;
    }

    /** Active parameters including embeddings. */
    public double activeParamsWithEmbeddings() {
        return activeParams + embeddingParams;
    }

    /** Active parameters under a model card's convention (the unembedding is {@code V·d_model}, tied or not). */
    public double activeParams(CountConvention c) {
        return switch (c) {
            case NON_EMBEDDING -> activeParams;
            case WITH_UNEMBEDDING -> activeParams + unembeddingParams;
            case WITH_EMBEDDINGS -> activeParamsWithEmbeddings();
        };
    }

    /** Total parameters under a model card's convention. */
    public double totalParams(CountConvention c) {
        return switch (c) {
            case NON_EMBEDDING -> totalParams;
            case WITH_UNEMBEDDING -> totalParams + unembeddingParams;
            case WITH_EMBEDDINGS -> totalParamsWithEmbeddings();
        };
    }
}
