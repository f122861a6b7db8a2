package dev.moeadvisor.memory;

import dev.moeadvisor.shape.ModelShape;

/**
 * Activation bytes one layer keeps for the backward pass, per GPU, for one micro-batch — Korthikanti et al.,
 * "Reducing Activation Recomputation in Large Transformer Models", arXiv 2205.05198, §4 (Eq. 1–2, Table 2), with
 * 16-bit activations, 1-byte dropout masks and sequence parallelism (every term divided by {@code t}).
 *
 * <p>For a GPT layer (MHA, 4h GELU MLP) the paper's count is {@code 34·s·b·h + 5·a·s²·b} without recomputation,
 * {@code 34·s·b·h} with selective recomputation and {@code 2·s·b·h} with full recomputation. Written out by
 * what each operation stores as its input, generalised here to GQA/MLA and to gated (SwiGLU) FFNs:
 * <ul>
 *   <li>two layer norms: {@code 4·s·b·h};</li>
 *   <li>attention linears: QKV input {@code 2sbh}, Q and K for the scores {@code 2sb·(n_h + n_kv)·d_qk}, V
 *       {@code 2sb·n_kv·d_v}, output-projection input {@code 2sb·n_h·d_v}, dropout mask {@code sbh}
 *       ({@code 11·sbh} for MHA with {@code d_head = h/a}); MLA keys and values count as decompressed per head
 *       ({@code n_kv = n_h});</li>
 *   <li>attention core: softmax output {@code 2as²b}, its dropout mask {@code as²b}, dropout output {@code 2as²b}
 *       = {@code 5·a·s²·b} (dropped by selective recomputation; a fused/flash kernel would not store it either);</li>
 *   <li>dense gated FFN of width {@code f}: input {@code 2sbh}, gate and up projections {@code 4sbf} (the SwiGLU
 *       input), down-projection input {@code 2sbf}, dropout mask {@code sbh} = {@code 3sbh + 6sbf} (the paper's GELU
 *       MLP with {@code f = 4h} stores {@code 19sbh}; a gated FFN with {@code f = 8h/3} stores the same);</li>
 *   <li>MoE FFN: input and mask {@code 3sbh}, shared experts {@code 6sb·E_s·d_shared}, routed experts
 *       {@code k·sb·(2h·ETP + 6·d_expert)} — each of the {@code k} copies of a token keeps its permuted input on
 *       each of the ETP ranks sharing that expert and a {@code 1/ETP} slice of the gated intermediates; balanced
 *       routing at capacity factor 1 (router logits and permutation indices left out).</li>
 * </ul>
 * Context parallelism (CP) divides the sequence: every term by {@code CP}.
 */
public final class ActivationMemory {

    private ActivationMemory() {
    }

    /** Bytes of layer {@code i} per GPU for one micro-batch. */
    public static double layer(ModelShape s, int i, ParallelLayout l, TrainingSetup t) {
        return unsplit(s, i, l.etp(), t) / ((double) l.tp() * l.cp());
    }

    /** Bytes of layer {@code i} before the division by {@code TP·CP} (it depends on the layout only via ETP). */
    static double unsplit(ModelShape s, int i, int etp, TrainingSetup t) {
        double seq = t.seqLen();
        double b = t.microBatch();
        double h = s.dModel();
        double tokens = seq * b;
        if (t.recompute() == Recompute.FULL) {
            return 2.0 * tokens * h;
        }
        double a = s.heads();
        double kv = s.mla() != null ? s.heads() : s.kvHeads();
        double dqk = s.mla() != null ? s.mla().qkHeadDim() : s.headDim();
        double dv = s.mla() != null ? s.mla().vHeadDim() : s.headDim();
        double norms = 4.0 * tokens * h;
        double attention = tokens * (2.0 * h + 2.0 * (a + kv) * dqk + 2.0 * kv * dv + 2.0 * a * dv + h);
        double span = s.isSlidingWindowLayer(i) ? Math.min(seq, s.slidingWindow()) : seq;
        double scores = t.recompute() == Recompute.NONE ? 5.0 * a * seq * span * b : 0.0;
        double ffn;
        if (s.isMoeLayer(i)) {
            ffn = 3.0 * tokens * h + 6.0 * tokens * s.sharedExperts() * (double) s.dShared()
                    + s.topK() * tokens * (2.0 * h * etp + 6.0 * s.dExpert());
        } else {
            ffn = 3.0 * tokens * h + 6.0 * tokens * s.dFfn();
        }
        return norms + attention + scores + ffn;
    }

    /** Output logits kept in FP32 for the loss on the last stage: {@code 4·s·b·V} bytes, split by TP and CP. */
    public static double logits(ModelShape s, ParallelLayout l, TrainingSetup t) {
        return 4.0 * t.seqLen() * t.microBatch() * (double) s.vocabSize() / ((double) l.tp() * l.cp());
    }
}
