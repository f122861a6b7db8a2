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

    private TrainingMemory() {
    }

    /** The breakdown of the stage with the largest total; checks the layout against the shape first. */
    public static MemoryBreakdown of(ModelShape s, ParallelLayout l, TrainingSetup t) {
        LayoutRules.check(s, l, t.seqLen());
        MemoryBreakdown worst = null;
        int perStage = s.layers() / l.pp();
        for (int j = 0; j < l.pp(); j++) {
            MemoryBreakdown m = stage(s, l, t, j, perStage);
            if (worst == null || m.total() > worst.total()) {
                worst = m;
            }
        }
        return worst;
    }

    private static MemoryBreakdown stage(ModelShape s, ParallelLayout l, TrainingSetup t, int j, int perStage) {
        double attention = ShapeMetrics.attentionParams(s);
        double denseFfn = ShapeMetrics.denseFfnParams(s);
        double moeRest = s.isMoe() ? ShapeMetrics.moeSharedAndRouterParams(s) : 0.0;
        double routed = s.isMoe() ? ShapeMetrics.routedExpertParams(s) : 0.0;
        double dense = 0;
        double expert = 0;
        double layerActs = 0;
        for (int i = j * perStage; i < (j + 1) * perStage; i++) {
            boolean moe = s.isMoeLayer(i);
            dense += attention + (moe ? moeRest : denseFfn);
            expert += moe ? routed : 0.0;
            layerActs += ActivationMemory.layer(s, i, l, t);
        }
        double embedding = (double) s.vocabSize() * s.dModel();
        boolean first = j == 0;
        boolean last = j == l.pp() - 1;
        if (first) {
            dense += embedding;
        }
        double extraActs = 0;
        if (last) {
            if (!(first && s.tiedEmbeddings())) {
                dense += embedding;
            }
            int lastLayer = s.layers() - 1;
            boolean lastMoe = s.isMoeLayer(lastLayer);
            double mtp = s.mtpModules();
            dense += mtp * (attention + 2.0 * s.dModel() * (double) s.dModel() + (lastMoe ? moeRest : denseFfn));
            expert += mtp * (lastMoe ? routed : 0.0);
            extraActs = (1.0 + mtp) * ActivationMemory.logits(s, l, t)
                    + mtp * ActivationMemory.layer(s, lastLayer, l, t);
        }
        dense /= l.tp();
        expert /= (double) l.ep() * l.etp();
        double dR = l.denseReplicas();
        double eR = l.expertReplicas();
        int z = t.zeroStage();
        double weights = t.paramDtype().bytes() * (dense / (z >= 3 ? dR : 1) + expert / (z >= 3 ? eR : 1));
        double grads = t.gradDtype().bytes() * (dense / (z >= 2 ? dR : 1) + expert / (z >= 2 ? eR : 1));
        double optimizer = t.optimizerBytesPerParam() * (dense / (z >= 1 ? dR : 1) + expert / (z >= 1 ? eR : 1));
        double activations = (l.pp() - j) * layerActs + extraActs;
        double total = (weights + grads + optimizer + activations) * t.overheadFactor();
        return new MemoryBreakdown(j, dense, expert, weights, grads, optimizer, activations, t.overheadFactor(), total);
    }
}
