package dev.moeadvisor.shape;

/**
 * Multi-head latent attention (MLA) of DeepSeek-V2 (arXiv 2405.04434, §2.1; also DeepSeek-V3, arXiv 2412.19437,
 * §2.1.1): queries and keys/values pass through low-rank latents, and each head's query/key splits into a part
 * without position encoding ({@code qkNopeHeadDim}) and a decoupled RoPE part ({@code qkRopeHeadDim}) whose key is
 * shared by all heads.
 *
 * <p>Parameters per layer, with {@code d = d_model}, {@code n_h} heads, {@code r_q = qLoraRank},
 * {@code r_kv = kvLoraRank}, {@code d_nope}, {@code d_rope}, {@code d_v} (norm weights ignored):
 * <ul>
 *   <li>queries: {@code d·r_q + r_q·n_h·(d_nope + d_rope)}; without a query latent ({@code r_q = 0}, as in
 *       DeepSeek-V2-Lite): {@code d·n_h·(d_nope + d_rope)};</li>
 *   <li>keys and values: {@code d·(r_kv + d_rope) + r_kv·n_h·(d_nope + d_v)};</li>
 *   <li>output: {@code n_h·d_v·d}.</li>
 * </ul>
 * Attention scores and values per token per layer, forward: {@code 2·S·n_h·(d_nope + d_rope) + 2·S·n_h·d_v}
 * (the papers' convention: full sequence, no causal halving).
 *
 * @param qLoraRank     query latent rank {@code r_q}; 0 when queries are projected directly
 * @param kvLoraRank    key/value latent rank {@code r_kv}
 * @param qkNopeHeadDim per-head query/key size without position encoding
 * @param qkRopeHeadDim per-head query/key size carrying RoPE (the key part is shared across heads)
 * @param vHeadDim      per-head value size
 */
public record MlaAttention(int qLoraRank, int kvLoraRank, int qkNopeHeadDim, int qkRopeHeadDim, int vHeadDim) {

    /** Attention parameters of one layer (see the class comment). */
    public double paramsPerLayer(int dModel, int heads) {
        double d = dModel;
        double qk = (double) qkNopeHeadDim + qkRopeHeadDim;
        double q = qLoraRank > 0 ? d * qLoraRank + (double) qLoraRank * heads * qk : d * heads * qk;
        double kv = d * ((double) kvLoraRank + qkRopeHeadDim) + (double) kvLoraRank * heads * ((double) qkNopeHeadDim + vHeadDim);
        double o = (double) heads * vHeadDim * d;
        return q + kv + o;
    }

    /** Per-head query/key size, {@code d_nope + d_rope}. */
    public int qkHeadDim() {
        return qkNopeHeadDim + qkRopeHeadDim;
    }

    void check(java.util.List<InvalidShapeException.Violation> v) {
        ModelShape.range(v, "mla.qLoraRank", qLoraRank, 0, ModelShape.MAX_WIDTH);
        ModelShape.range(v, "mla.kvLoraRank", kvLoraRank, 1, ModelShape.MAX_WIDTH);
        ModelShape.range(v, "mla.qkNopeHeadDim", qkNopeHeadDim, 0, ModelShape.MAX_WIDTH);
        ModelShape.range(v, "mla.qkRopeHeadDim", qkRopeHeadDim, 0, ModelShape.MAX_WIDTH);
        ModelShape.range(v, "mla.vHeadDim", vHeadDim, 1, ModelShape.MAX_WIDTH);
        if (qkNopeHeadDim + qkRopeHeadDim < 1) {
            v.add(new InvalidShapeException.Violation("mla.qkNopeHeadDim", "qkNopeHeadDim + qkRopeHeadDim must be positive"));
        }
    }
}
