package dev.moeadvisor.shape;

/**
 * Everything that follows from a {@link ModelShape}: parameter counts, FLOPs per token, the three activation
 * ratios and the granularity.
 *
 * <p>Parameters (non-embedding, norm weights ignored), per layer:
 * <ul>
 *   <li>attention: {@code 2·d_model·n_heads·d_head + 2·d_model·n_kv_heads·d_head};</li>
 *   <li>dense FFN: {@code 3·d_model·d_ffn};</li>
 *   <li>MoE FFN, total: {@code 3·d_model·(E·d_expert + E_s·d_shared) + d_model·E} (the last term is the router);</li>
 *   <li>MoE FFN, active: {@code 3·d_model·(k·d_expert + E_s·d_shared) + d_model·E}.</li>
 * </ul>
 * Embeddings {@code V·d_model} (twice unless tied) are counted apart, never inside N.
 *
 * <p>FLOPs per token (Li, Lo et al., arXiv 2506.12119, §3.1; Ling, arXiv 2507.17702, App. C):
 * {@code M_fwd = 2·N_active + 4·S·L·n_heads·d_head} (attention over the full sequence, no causal halving;
 * logits excluded) and training {@code M = 3·M_fwd}.
 *
 * <p>Activation ratios: {@code A = (k + s)/(E + s)} with {@code s = E_s·d_shared/d_expert} (Ling §2, the one
 * the EL law takes); {@code A_routed = k/E}; {@code r_a = N_active/N_total} (arXiv 2506.12119). Granularity
 * {@code G = 2·d_model/d_expert} (Ling §3). A dense model has {@code A = A_routed = r_a = 1} and no
 * granularity ({@code NaN}).
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
        double granularity) {

    public static ShapeMetrics of(ModelShape s) {
        double d = s.dModel();
        double attention = 2.0 * d * s.heads() * s.headDim() + 2.0 * d * s.kvHeads() * s.headDim();
        double denseFfn = 3.0 * d * s.dFfn();
        double total = s.layers() * attention + s.denseFfnLayers() * denseFfn;
        double active = total;
        double aLing = 1.0;
        double aRouted = 1.0;
        double g = Double.NaN;
        if (s.isMoe()) {
            double shared = (double) s.sharedExperts() * s.dShared();
            double router = d * s.experts();
            double moeTotal = 3.0 * d * ((double) s.experts() * s.dExpert() + shared) + router;
            double moeActive = 3.0 * d * ((double) s.topK() * s.dExpert() + shared) + router;
            total += s.moeLayers() * moeTotal;
            active += s.moeLayers() * moeActive;
            double sharedUnits = shared / s.dExpert();
            aLing = (s.topK() + sharedUnits) / (s.experts() + sharedUnits);
            aRouted = (double) s.topK() / s.experts();
            g = 2.0 * d / s.dExpert();
        }
        double embedding = (s.tiedEmbeddings() ? 1.0 : 2.0) * s.vocabSize() * d;
        double forward = forwardFlopsPerToken(active, s.seqLen(), s.layers(), s.heads(), s.headDim());
        return new ShapeMetrics(total, active, embedding, attention, forward, 3.0 * forward, aLing, aRouted,
                active / total, g);
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
}
