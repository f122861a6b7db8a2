package dev.moeadvisor.memory;

import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;

/**
 * Training memory per GPU of a shape under a parallel layout, for the most loaded pipeline stage.
 *
 * <p><b>Model states</b> (ZeRO, Rajbhandari et al., arXiv 1910.02054, §3.1 and §5, Figure 1): with mixed-precision
 * Adam a GPU holding {@code Ψ} parameters needs {@code Ψ·p} bytes of weights, {@code Ψ·g} of gradients and
 * {@code K·Ψ} of optimizer states ({@code K = 12}: FP32 master weights, momentum, variance), with {@code p, g} the
 * bytes of the weight and gradient types ({@code p = g = 2}: the paper's {@code 16Ψ}). ZeRO stage 1 divides the
 * optimizer states by the data-parallel degree {@code N_d}, stage 2 also the gradients, stage 3 also the weights.
 * Megatron-LM's distributed optimizer is stage 1 (its {@code theoretical_memory_usage.py}: 18 bytes per parameter
 * with FP32 main grads, {@code 6 + 12/DP} with the distributed optimizer).
 *
 * <p><b>Which parameters a GPU holds</b> (the dense/expert split of Megatron-LM's parallel groups): stage {@code j}
 * of {@code PP} holds layers {@code [j·L/PP, (j+1)·L/PP)}; the first stage also the input embedding, the last the
 * output layer ({@code V·h} each; one copy only when tied and {@code PP = 1}) and any multi-token-prediction
 * modules. Attention, dense FFNs, shared experts, router and embeddings are split by TP and replicated over
 * {@code N_d = DP·CP}; routed experts are split by {@code EP·ETP} and replicated over
 * {@code N_d = DP·TP·CP/(EP·ETP)}. Norm weights and biases are ignored.
 *
 * <p><b>Activations</b>: {@link ActivationMemory} per layer; with the 1F1B pipeline schedule stage {@code j} keeps
 * {@code PP − j} micro-batches in flight (Korthikanti et al., arXiv 2205.05198, §4.2.3: the first stage holds
 * {@code PP} micro-batches of {@code L/PP} layers), assuming at least {@code PP} micro-batches per step; the last
 * stage adds the FP32 logits of one micro-batch ({@link ActivationMemory#logits}), and each MTP module the
 * activations of one more layer and its logits. Interleaved schedules, embedding dropout and the loss's
 * temporaries are left out.
 *
 * <p><b>Left out</b>: allocator fragmentation, communication buckets, CUDA context and workspace buffers — the
 * {@link TrainingSetup#overheadFactor()} multiplies the sum of the four parts to cover them.
 */
public final class TrainingMemory {

    private final ModelShape shape;
    private final TrainingSetup setup;
    private final int etp;
    /** Prefix sums over layers: dense parameters, routed-expert parameters, activation bytes before TP·CP. */
    private final double[] dense;
    private final double[] expert;
    private final double[] acts;
    private final double mtpDense;
    private final double mtpExpert;
    private final double mtpActs;

    /** Per-layer sums of a shape under a setup for one ETP degree; evaluating a layout is then O(PP). */
    TrainingMemory(ModelShape s, TrainingSetup t, int etp) {
        this.shape = s;
        this.setup = t;
        this.etp = etp;
        int n = s.layers();
        dense = new double[n + 1];
        expert = new double[n + 1];
        acts = new double[n + 1];
        double attention = ShapeMetrics.attentionParams(s);
        double denseFfn = ShapeMetrics.denseFfnParams(s);
        double moeRest = s.isMoe() ? ShapeMetrics.moeSharedAndRouterParams(s) : 0.0;
        double routed = s.isMoe() ? ShapeMetrics.routedExpertParams(s) : 0.0;
        for (int i = 0; i < n; i++) {
            boolean moe = s.isMoeLayer(i);
            dense[i + 1] = dense[i] + attention + (moe ? moeRest : denseFfn);
            expert[i + 1] = expert[i] + (moe ? routed : 0.0);
            acts[i + 1] = acts[i] + ActivationMemory.unsplit(s, i, etp, t);
        }
        boolean lastMoe = s.isMoeLayer(n - 1);
        double mtp = s.mtpModules();
        mtpDense = mtp * (attention + 2.0 * s.dModel() * (double) s.dModel() + (lastMoe ? moeRest : denseFfn));
        mtpExpert = mtp * (lastMoe ? routed : 0.0);
        mtpActs = mtp * ActivationMemory.unsplit(s, n - 1, etp, t);
    }

    /** The breakdown of the stage with the largest total; checks the layout against the shape first. */
    public static MemoryBreakdown of(ModelShape s, ParallelLayout l, TrainingSetup t) {
        LayoutRules.check(s, l, t.seqLen());
        return new TrainingMemory(s, t, l.etp()).mostLoaded(l);
    }

    /** For a layout already checked by {@link LayoutRules} and of this instance's ETP. */
    MemoryBreakdown mostLoaded(ParallelLayout l) {
        if (l.etp() != etp) {
            throw new IllegalArgumentException("built for ETP " + etp + ", not " + l.etp());
        }
        MemoryBreakdown worst = null;
        for (int j = 0; j < l.pp(); j++) {
            MemoryBreakdown m = stage(l, j);
            if (worst == null || m.total() > worst.total()) {
                worst = m;
            }
        }
        return worst;
    }

    private MemoryBreakdown stage(ParallelLayout l, int j) {
        int perStage = shape.layers() / l.pp();
        int from = j * perStage;
        int to = from + perStage;
        double d = dense[to] - dense[from];
        double e = expert[to] - expert[from];
        double split = (double) l.tp() * l.cp();
        double layerActs = (acts[to] - acts[from]) / split;
        double embedding = (double) shape.vocabSize() * shape.dModel();
        boolean first = j == 0;
        boolean last = j == l.pp() - 1;
        if (first) {
            d += embedding;
        }
        double extraActs = 0;
        if (last) {
            if (!(first && shape.tiedEmbeddings())) {
                d += embedding;
            }
            d += mtpDense;
            e += mtpExpert;
            extraActs = (1.0 + shape.mtpModules()) * ActivationMemory.logits(shape, l, setup) + mtpActs / split;
        }
        d /= l.tp();
        e /= (double) l.ep() * l.etp();
        double dR = l.denseReplicas();
        double eR = l.expertReplicas();
        int z = setup.zeroStage();
        double weights = setup.paramDtype().bytes() * (d / (z >= 3 ? dR : 1) + e / (z >= 3 ? eR : 1));
        double grads = setup.gradDtype().bytes() * (d / (z >= 2 ? dR : 1) + e / (z >= 2 ? eR : 1));
        double optimizer = setup.optimizerBytesPerParam() * (d / (z >= 1 ? dR : 1) + e / (z >= 1 ? eR : 1));
        double activations = (l.pp() - j) * layerActs + extraActs;
        double total = (weights + grads + optimizer + activations) * setup.overheadFactor();
        return new MemoryBreakdown(j, d, e, weights, grads, optimizer, activations, setup.overheadFactor(), total);
    }
}
