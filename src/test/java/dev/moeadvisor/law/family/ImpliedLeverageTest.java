package dev.moeadvisor.law.family;

import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.shape.ModelShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImpliedLeverageTest {

    /** Qwen3-30B-A3B's shape (model card): 48 layers, d 2048, 32/4 heads of 128, 128 experts of 768, top-8. */
    static final ModelShape QWEN3_30B = ModelShape.builder().vocabSize(151936).seqLen(4096).layers(48).dModel(2048)
            .heads(32).kvHeads(4).headDim(128).experts(128).topK(8).dExpert(768).build();

    @ParameterizedTest
    @ValueSource(doubles = {1e18, 1e21, 1e24})
    void computeForLossInvertsTheComputeOptimalLoss(double flops) {
        for (DenseLossLaw law : new DenseLossLaw[]{DenseLossLaw.CHINCHILLA, KrajewskiLaw.DENSE,
                JointMoeLaw.PUBLISHED.dense()}) {
            double loss = ChinchillaOptimum.loss(law, flops);
            assertEquals(flops, ChinchillaOptimum.computeForLoss(law, loss), 1e-9 * flops, law.id());
        }
    }

    @Test
    void aLossAtOrBelowTheIrreducibleNeedsUnboundedDenseCompute() {
        assertEquals(Double.POSITIVE_INFINITY, ChinchillaOptimum.computeForLoss(DenseLossLaw.CHINCHILLA, 1.69));
    }

    /**
     * Where the two definitions coincide, EL-via-solve of the Ling family equals Ling's formula (Eq. 13). The case:
     * the MoE's compute is {@code 6·N_active·D} (attention FLOPs neglected) and its allocation is the dense law's
     * compute-optimal one scaled by EL, {@code N_active = N_opt(EL·C)/EL}, {@code D = D_opt(EL·C)}. Then
     * {@code L_moe = L_dense(EL·N_active, D) = L_opt(EL·C)}, so the compute-optimal dense model needs exactly
     * {@code EL·C}.
     */
    @ParameterizedTest
    @CsvSource({"0.031, 12, 1e22", "0.03125, 8, 1e20", "0.125, 8, 1e20", "0.5, 2, 1e19"})
    void lingFamilyMatchesLingsFormulaWhereTheDefinitionsCoincide(double activation, double granularity, double flops) {
        for (LingComposedLaw law : new LingComposedLaw[]{LingComposedLaw.WITH_CHINCHILLA, LingComposedLaw.WITH_EPOCH}) {
            double el = EfficiencyLeverageLaw.LING_2025.value(activation, granularity, flops);
            double denseFlops = el * flops;
            double params = ChinchillaOptimum.params(law.dense(), denseFlops) / el;
            double tokens = ChinchillaOptimum.tokens(law.dense(), denseFlops);
            assertEquals(flops, 6 * params * tokens, 1e-9 * flops, "the MoE's compute is 6·N·D");
            LawPoint point = LawPoint.of(Axis.COMPUTE, flops, Axis.PARAMS, params, Axis.TOKENS, tokens,
                    Axis.ACTIVATION, activation, Axis.GRANULARITY, granularity);
            assertEquals(el, ImpliedLeverage.at(law, point, flops).leverage(), 1e-6 * el, law.id());
        }
    }

    /**
     * For a real shape, the shape is not the compute-optimal allocation and its FLOPs include attention, so the
     * Ling family's EL-via-solve is at most Ling's formula: the dense model {@code (EL·N_active, D)} reaches the
     * MoE's loss with {@code 6·EL·N_active·D ≤ EL·M·D}, and the compute-optimal one needs no more.
     */
    @ParameterizedTest
    @ValueSource(doubles = {1e20, 1e22, 1e24})
    void lingFamilyOnARealShapeIsAtMostLingsFormula(double flops) {
        double formula = EfficiencyLeverageLaw.LING_2025.value(dev.moeadvisor.shape.ShapeMetrics.of(QWEN3_30B)
                .activationRatioLing(), dev.moeadvisor.shape.ShapeMetrics.of(QWEN3_30B).granularity(), flops);
        ImpliedLeverage solved = ImpliedLeverage.of(LingComposedLaw.WITH_CHINCHILLA, QWEN3_30B, flops);
        assertTrue(solved.leverage() <= formula * (1 + 1e-12), solved.leverage() + " vs " + formula);
        assertTrue(solved.leverage() > 0);
    }

    /**
     * Conversions at the boundary, by hand for one shape: 8 layers, d 512, 8 heads of 64, 64 experts of width 256,
     * top-8, no shared experts, vocabulary 32000 untied, sequence 2048.
     * <ul>
     *   <li>attention a layer 4·512² = 1,048,576; experts 3·512·64·256 = 25,165,824; router 512·64 = 32,768;</li>
     *   <li>N_total = 8·26,247,168 = 209,977,344; N_active = 8·(1,048,576 + 3·512·8·256 + 32,768) = 33,816,576;</li>
     *   <li>Krajewski FLOPs a token 6·(33,816,576 − 262,144) + 14·512·64·8 = 204,996,608; G = 4·512/256 = 8;
     *       expansion rate 64/8 = 8, outside the fitted E = 64;</li>
     *   <li>Joint-MoE N_act = 33,816,576 + 2·32000·512 = 66,584,576 (below the smallest fitted 79M), tokens
     *       C/(6·N_act); E read as 8; top-8 and granularity 3·512/256 = 6 outside the fitted top-1, granularity 1.</li>
     * </ul>
     */
    @Test
    void eachLawConvertsTheShapeToItsOwnVariables() {
        ModelShape s = ModelShape.builder().vocabSize(32000).seqLen(2048).layers(8).dModel(512).heads(8)
                .experts(64).topK(8).dExpert(256).build();
        double flops = 1e19;
        LawPoint k = KrajewskiLaw.PUBLISHED.point(s, flops);
        assertEquals(209_977_344, k.get(Axis.PARAMS), 0.5);
        assertEquals(flops / 204_996_608, k.get(Axis.TOKENS), 1e-6 * k.get(Axis.TOKENS));
        assertEquals(8, k.get(Axis.GRANULARITY), 1e-12);
        assertEquals(8, k.get(Axis.EXPERTS), 1e-12);
        ImpliedLeverage kl = ImpliedLeverage.at(KrajewskiLaw.PUBLISHED, k, flops);
        assertEquals(1, kl.outOfRange().size());
        assertEquals(Axis.EXPERTS, kl.outOfRange().get(0).axis());
        assertEquals(8, kl.outOfRange().get(0).factor(), 1e-12, "E = 8 is 8× below the fitted 64");

        LawPoint j = JointMoeLaw.PUBLISHED.point(s, flops);
        assertEquals(66_584_576, j.get(Axis.PARAMS), 0.5);
        assertEquals(flops / (6.0 * 66_584_576), j.get(Axis.TOKENS), 1e-6 * j.get(Axis.TOKENS));
        assertEquals(8, j.get(Axis.EXPERTS), 1e-12);
        ImpliedLeverage jl = ImpliedLeverage.at(JointMoeLaw.PUBLISHED, j, flops);
        assertFalse(jl.inRange());
        assertEquals(java.util.List.of(Axis.PARAMS, Axis.TOP_K, Axis.GRANULARITY),
                jl.outOfRange().stream().map(AxisCheck::axis).toList());
    }

    /**
     * Under the joint law a top-1 MoE at its own compute-optimal allocation beats the compute-optimal dense model,
     * so its EL exceeds 1 and grows with E (Finding 2 and Fig. 2b of arXiv 2502.05172).
     */
    @Test
    void jointLawLeverageOfComputeOptimalMoesGrowsWithExperts() {
        double flops = 1e21;
        double previous = 1.0;
        for (int experts : new int[]{2, 4, 8, 16, 32}) {
            DenseLossLaw atE = JointMoeLaw.PUBLISHED.atExperts(experts);
            LawPoint p = LawPoint.of(Axis.COMPUTE, flops, Axis.PARAMS, ChinchillaOptimum.params(atE, flops),
                    Axis.TOKENS, ChinchillaOptimum.tokens(atE, flops), Axis.EXPERTS, experts, Axis.TOP_K, 1,
                    Axis.GRANULARITY, 1);
            double el = ImpliedLeverage.at(JointMoeLaw.PUBLISHED, p, flops).leverage();
            assertTrue(el > previous, "E = " + experts + ": EL " + el + " after " + previous);
            previous = el;
        }
    }
}
