package dev.moeadvisor.memory;

import dev.moeadvisor.shape.ModelShape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Hand-computed memory cases and a published figure (ZeRO, arXiv 1910.02054, Figure 1). */
class TrainingMemoryTest {

    /** A GPT-style dense model: MHA (a = 24, d_head = 128), gated FFN f = 8h/3 = 8192, 24 layers, V = 50000. */
    static final ModelShape GPT = ModelShape.builder().vocabSize(50_000).seqLen(2048).layers(24).dModel(3072)
            .heads(24).dFfn(8192).build();

    static TrainingSetup setup(Recompute r, int zero) {
        return new TrainingSetup(1, 2048, Dtype.BF16, Dtype.BF16, zero, r, 1.0);
    }

    @Test
    void oneLayerMatchesKorthikantiEquationsExactly() {
        double s = 2048, b = 1, h = 3072, a = 24;
        // arXiv 2205.05198 Eq. 1 (t = 1): 34·s·b·h + 5·a·s²·b = 34·2048·3072 + 5·24·2048² = 213,909,504 + 503,316,480
        assertEquals(717_225_984.0, 34 * s * b * h + 5 * a * s * s * b);
        ParallelLayout one = ParallelLayout.of(1, 1, 1);
        assertEquals(717_225_984.0, ActivationMemory.layer(GPT, 0, one, setup(Recompute.NONE, 0)));
        // selective recomputation: 34·s·b·h
        assertEquals(213_909_504.0, ActivationMemory.layer(GPT, 0, one, setup(Recompute.SELECTIVE, 0)));
        // full recomputation: 2·s·b·h = 12,582,912
        assertEquals(12_582_912.0, ActivationMemory.layer(GPT, 0, one, setup(Recompute.FULL, 0)));
        // Eq. 2 with sequence parallelism, t = 2: every term halves
        assertEquals(717_225_984.0 / 2, ActivationMemory.layer(GPT, 0, ParallelLayout.of(1, 2, 1),
                setup(Recompute.NONE, 0)));
    }

    @Test
    void denseGptUnderTpAndPpWithAndWithoutRecomputation() {
        ParallelLayout l = ParallelLayout.of(1, 2, 2);
        // params per layer: 4h² + 3hf = 37,748,736 + 75,497,472 = 113,246,208; embedding V·h = 153,600,000
        // stage 0: 12 layers + embedding = 1,358,954,496 + 153,600,000 = 1,512,554,496, /TP 2 = 756,277,248
        double psi = 756_277_248.0;
        // no ZeRO, BF16: weights 2Ψ, grads 2Ψ, optimizer 12Ψ
        MemoryBreakdown none = TrainingMemory.of(GPT, l, setup(Recompute.NONE, 0));
        assertEquals(0, none.stage());
        assertEquals(psi, none.denseParams());
        assertEquals(0.0, none.expertParams());
        assertEquals(2 * psi, none.weights());
        assertEquals(2 * psi, none.gradients());
        assertEquals(12 * psi, none.optimizer());
        // stage 0 holds PP = 2 micro-batches of 12 layers: 24 · (34sbh + 5as²b)/2 = 24 · 358,612,992
        assertEquals(24 * 358_612_992.0, none.activations());
        assertEquals(16 * psi + 24 * 358_612_992.0, none.total());
        // selective: 24 · 34sbh/2 = 24 · 106,954,752
        assertEquals(24 * 106_954_752.0, TrainingMemory.of(GPT, l, setup(Recompute.SELECTIVE, 0)).activations());
        // full: stage 0 keeps 24 · 2sbh/2 = 24 · 6,291,456 = 150,994,944; the last stage (same weights: it holds
        // the output layer) keeps 12 · 6,291,456 + FP32 logits 4·s·b·V/2 = 75,497,472 + 204,800,000 — more
        MemoryBreakdown full = TrainingMemory.of(GPT, l, setup(Recompute.FULL, 0));
        assertEquals(1, full.stage());
        assertEquals(12 * 6_291_456.0 + 204_800_000.0, full.activations());
        assertEquals(16 * psi + 280_297_472.0, full.total());
    }

    @Test
    void moeUnderExpertParallelWithZeroOne() {
        // 4 MoE layers, h 1024, 16 heads, E 8, k 2, d_expert 512, V 1000, s 512
        ModelShape moe = ModelShape.builder().vocabSize(1000).seqLen(512).layers(4).dModel(1024).heads(16)
                .experts(8).topK(2).dExpert(512).build();
        ParallelLayout l = new ParallelLayout(8, 1, 1, 8, 1, 1);
        TrainingSetup t = new TrainingSetup(1, 512, Dtype.BF16, Dtype.BF16, 1, Recompute.SELECTIVE, 1.0);
        MemoryBreakdown m = TrainingMemory.of(moe, l, t);
        // experts per layer 3·1024·8·512 = 12,582,912; /EP 8 = 1,572,864; × 4 layers = 6,291,456
        double expert = 6_291_456.0;
        // dense per layer: attention 4·1024² = 4,194,304 + router 1024·8 = 8,192; × 4 = 16,809,984;
        // + input and output embeddings 2 · 1000 · 1024 = 2,048,000 → 18,857,984
        double dense = 18_857_984.0;
        assertEquals(expert, m.expertParams());
        assertEquals(dense, m.denseParams());
        assertEquals(2 * (dense + expert), m.weights());
        assertEquals(2 * (dense + expert), m.gradients());
        // ZeRO-1: dense states over DP·CP = 8 ranks; experts over DP·TP·CP/(EP·ETP) = 1 rank (no sharding)
        assertEquals(12 * (dense / 8 + expert), m.optimizer());
        // activations per layer (T = 512 tokens): norms 4Th + attention 11Th + MoE 3Th + k·T·(2h + 6·d_expert)
        // = T·(18·1024 + 2·(2048 + 3072)) = 512 · 28,672 = 14,680,064; × 4 layers; + FP32 logits 4·512·1000
        assertEquals(4 * 14_680_064.0 + 2_048_000.0, m.activations());
    }

    @Test
    void zeroFigureOneWithinTenPercent() {
        // ZeRO (arXiv 1910.02054) Figure 1: Ψ = 7.5B, N_d = 64, K = 12 → 120 GB baseline, 31.4 GB P_os,
        // 16.6 GB P_os+g, 1.9 GB P_os+g+p. A 7.55B-parameter dense shape (36 × (4h² + 3hf) + 2Vh, h 4096, f 11008).
        ModelShape llama = ModelShape.builder().vocabSize(32_000).seqLen(2048).layers(36).dModel(4096).heads(32)
                .dFfn(11008).build();
        double[] printed = {120, 31.4, 16.6, 1.9};
        for (int zero = 0; zero <= 3; zero++) {
            MemoryBreakdown m = TrainingMemory.of(llama, ParallelLayout.of(64, 1, 1), setup(Recompute.FULL, zero));
            double states = (m.weights() + m.gradients() + m.optimizer()) / 1e9;
            assertEquals(printed[zero], states, 0.10 * printed[zero], "ZeRO stage " + zero);
        }
    }

    @Test
    void layoutsTheShapeCannotSplitNameTheField() {
        TrainingSetup t = setup(Recompute.NONE, 0);
        assertEquals("layout.tp", assertThrows(LayoutException.class,
                () -> TrainingMemory.of(GPT, ParallelLayout.of(1, 5, 1), t)).field());
        assertEquals("layout.pp", assertThrows(LayoutException.class,
                () -> TrainingMemory.of(GPT, ParallelLayout.of(1, 1, 5), t)).field());
        assertEquals("layout.ep", assertThrows(LayoutException.class,
                () -> TrainingMemory.of(GPT, new ParallelLayout(2, 1, 1, 2, 1, 1), t)).field());
        assertEquals("layout.ep", assertThrows(LayoutException.class,
                () -> new ParallelLayout(2, 1, 1, 4, 1, 1)).field());
        assertEquals("layout.dp", assertThrows(LayoutException.class,
                () -> new ParallelLayout(0, 1, 1, 1, 1, 1)).field());
    }
}
