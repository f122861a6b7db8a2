package dev.moeadvisor.plan;

import dev.moeadvisor.fit.FitResult;
import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9: dense can win, paired uncertainty, one learning-rate law with batch and steps, grid limits. */
class HonestPlanTest {

    static final MoeLossModel LING = new MoeLossModel(DenseLossLaw.CHINCHILLA, EfficiencyLeverageLaw.LING_2025);
    static FitResult noLeverage;

    /**
     * The bundled fit with the EL law's a = 1 and d = 0 pinned: the exponent α + γ·(log₂G)² + β·log₂G is then at least
     * 1 − 0.117²/(4·0.0167) = 0.795 > 0 for every G, and Â < 1, so EL = Â^exponent < 1 for every MoE: MoE never pays.
     */
    @BeforeAll
    static void fit() {
        noLeverage = BundledFits.fit(Map.of("a", 1.0, "d", 0.0), 0);
    }

    @Test
    void aModelUnderWhichMoeNeverPaysRecommendsDense() {
        Planner planner = new Planner(noLeverage.model());
        for (double c : new double[] {1e20, 1e22, 1e24}) {
            PlanResult plan = planner.plan(PlanRequest.builder(c, PlanRequest.AMPLE).build());
            Candidate rec = plan.recommended();
            assertFalse(rec.isMoe(), "C = " + c + ": " + Rationale.describe(rec.shape()));
            assertFalse(plan.moeRecommended());
            assertEquals(1.0, rec.efficiencyLeverage());
            assertTrue(plan.rationale().get(0).startsWith("Under this model MoE does not pay at this budget"),
                    plan.rationale().get(0));
            assertTrue(plan.hasWarning("moe-does-not-pay"));
            assertTrue(plan.bestMoe().isMoe() && plan.bestMoe().efficiencyLeverage() < 1);
            assertTrue(plan.alternatives().get(0).isMoe(), "the best MoE is listed as an alternative");
            assertEquals(plan.dense().orElseThrow().baseline(), rec, "the dense baseline is the recommendation");
            assertEquals(PlanResult.NO_BINDING_CONSTRAINT, plan.bindingConstraint());
            SweepRow row = SweepRow.of(new Budget(c, PlanRequest.AMPLE), plan);
            assertFalse(row.moe());
        }
    }

    @Test
    void theDenseGridOffersTheMoeGridsActiveFfnWidths() {
        // issue 9: at 1e23–1e25 a dense-like MoE (E = 8, k = 7 + 1 shared, d_expert = d_model: active FFN 8·d_model)
        // won only because the dense grid stopped at 4·d_model. Under a model where MoE never pays, the dense
        // baseline must now be at least as good as the best MoE at every budget.
        Planner planner = new Planner(noLeverage.model());
        for (double c : new double[] {1e23, 1e24, 1e25}) {
            PlanResult plan = planner.plan(PlanRequest.builder(c, PlanRequest.AMPLE).build());
            assertTrue(plan.dense().orElseThrow().lossGap() <= 0, "dense loses at " + c);
        }
    }

    @Test
    void pairingRemovesTheUncertaintyTheShapesShare() {
        // five bootstrap models that differ only in the irreducible loss E (±0.02): every shape's loss moves by the
        // same shift, so each loss interval is 0.038 wide while every paired difference is exactly its point value
        DenseLossLaw c = DenseLossLaw.CHINCHILLA;
        List<MoeLossModel> bootstrap = java.util.stream.DoubleStream.of(-0.02, -0.01, 0, 0.01, 0.02)
                .mapToObj(s -> new MoeLossModel(new DenseLossLaw(c.e() + s, c.aN(), c.bD(), c.alpha(), c.beta(),
                        c.id(), c.unit(), c.citation()), EfficiencyLeverageLaw.LING_2025)).toList();
        PlanResult plan = new Planner(LING).plan(PlanRequest.builder(1e20, 1e11).build(), bootstrap);
        PairedUncertainty p = plan.paired().orElseThrow();
        Uncertainty u = plan.uncertainty().orElseThrow();
        assertEquals(0.038, u.recommendedLoss().upper() - u.recommendedLoss().lower(), 1e-12);
        PairedGap gap = p.moeMinusDense().orElseThrow();
        double point = plan.recommended().loss() - plan.dense().orElseThrow().baseline().loss();
        assertEquals(point, gap.difference(), 1e-15);
        assertEquals(point, gap.interval().lower(), 1e-12);
        assertEquals(point, gap.interval().upper(), 1e-12);
        assertEquals(PairedGap.BETTER, gap.verdict());
        assertEquals(1.0, gap.shareRecommendedBetter());
        assertEquals(plan.alternatives().size(), p.alternatives().size());
        for (int i = 0; i < p.alternatives().size(); i++) {
            PairedGap a = p.alternatives().get(i);
            assertEquals(plan.alternatives().get(i).loss() - plan.recommended().loss(), a.interval().lower(), 1e-12);
            assertTrue(a.difference() >= 0 && !PairedGap.WORSE.equals(a.verdict()));
        }
        assertEquals(1.0, p.rankStability(), "the same shape is best under every shifted model");
        assertEquals(1 + plan.alternatives().size() + 1, p.rankedCandidates());
    }

    @Test
    void anIntervalContainingZeroIsCalledIndistinguishable() {
        // differences −0.002, −0.001, 0, +0.001, +0.002: interval [−0.0019, +0.0019] (R_7) contains 0; the
        // recommendation (first term) is better in 2 of 5 models
        PairedGap g = PairedGap.of(-0.0005, new double[] {-0.002, -0.001, 0, 0.001, 0.002}, true);
        assertEquals(PairedGap.INDISTINGUISHABLE, g.verdict());
        assertEquals(-0.0019, g.interval().lower(), 1e-15);
        assertEquals(0.4, g.shareRecommendedBetter(), 1e-15);
        assertEquals(PairedGap.BETTER, PairedGap.of(-0.01, new double[] {-0.02, -0.01, -0.005}, true).verdict());
        assertEquals(PairedGap.WORSE, PairedGap.of(-0.01, new double[] {-0.02, -0.01, -0.005}, false).verdict());
    }

    @Test
    void theDefaultFitCannotTellMoeFromDenseWhereItsLeverageNearsOne() {
        // the bundled fit (a, d free: EL falls with compute) at 1e22 FLOPs puts the MoE about 0.003 BPC ahead of dense
        FitResult fit = BundledFits.fit(Map.of(), 40);
        PlanResult plan = new Planner(fit.model()).plan(PlanRequest.builder(1e22, PlanRequest.AMPLE).build(),
                fit.bootstrapModels());
        PairedGap g = plan.paired().orElseThrow().moeMinusDense().orElseThrow();
        System.out.println("default fit at 1e22: MoE − dense " + g);
        assertTrue(g.interval().lower() < 0 && g.interval().upper() > 0, g.toString());
        assertEquals(PairedGap.INDISTINGUISHABLE, g.verdict());
        assertTrue(g.shareRecommendedBetter() > 0 && g.shareRecommendedBetter() < 1);
        assertTrue(plan.rationale().stream().anyMatch(s -> s.contains("indistinguishable from the MoE")));
        double rank = plan.paired().orElseThrow().rankStability();
        assertTrue(rank >= 0 && rank <= 1);
    }

    @Test
    void learningRateBatchAndStepsByHand() {
        // C = 1e20 FLOPs lies inside Ling's fitted compute range (1e18–6e20), and the recommendation (N_active
        // 2.19e8, D 5.60e10) inside Step Law's (60M–1.1B, 1B–110B): both apply, and for an MoE Ling's Eq. 3 is chosen:
        //   lr    = 1.1576 · (1e20)^−0.1529 = 1.1576 · 10^−3.058 = 1.0129e-3
        //   batch = 0.0694 · (1e20)^0.3644  = 0.0694 · 10^7.288  = 1,346,975 tokens
        //   at seqLen 2048: 1,346,975 / 2048 = 657.70 → 658 sequences = 1,347,584 tokens
        //   steps = ceil(D / 1,347,584)
        PlanResult plan = new Planner(LING).plan(PlanRequest.builder(1e20, PlanRequest.AMPLE).seqLen(2048).build());
        TrainingSchedule t = plan.schedule();
        Candidate rec = plan.recommended();
        System.out.printf("1e20: %s, D = %.6g, N_active = %.4g%n", Rationale.describe(rec.shape()), rec.tokens(),
                rec.activeParams());
        assertEquals("ling-2025-hparams", t.chosen().lawId());
        assertEquals(1.0129e-3, t.learningRate(), 5e-8);
        assertEquals(1_346_975, t.chosen().batchTokens(), 1);
        assertEquals(658, t.batchSequences());
        assertEquals(1_347_584, t.batchTokens());
        assertEquals((long) Math.ceil(rec.tokens() / 1_347_584), t.steps());
        assertTrue(t.reason().contains("fitted on MoE models") && t.reason().contains("both laws are inside"),
                t.reason());
        assertEquals("step-law-2025", t.crossCheck().lawId());
        // Step Law, the cross-check: lr = 1.79·N^−0.713·D^0.307, batch = 0.58·D^0.571 (N active, D tokens)
        assertEquals(0.58 * Math.pow(rec.tokens(), 0.571), t.crossCheck().batchTokens(), 1e-6 * t.crossCheck().batchTokens());
        assertTrue(plan.rationale().stream().anyMatch(s -> s.contains("658 sequences of 2048 tokens")));
    }

    @Test
    void lawFittedOnTheShapesKindIsChosenWhenBothAreExtrapolated() {
        // 1e22 FLOPs: outside Ling's compute range, and the recommendation has N_active above Step Law's 1.1B
        PlanResult plan = new Planner(LING).plan(PlanRequest.builder(1e22, PlanRequest.AMPLE).build());
        TrainingSchedule t = plan.schedule();
        assertTrue(t.chosen().extrapolated() && t.crossCheck().extrapolated());
        assertEquals("ling-2025-hparams", t.chosen().lawId(), "an MoE: Ling's law, fitted on MoE models");
        // 0.0694 · 1e22^0.3644 = 7,213,723 tokens; / 4096 = 1761.16 → 1761 sequences
        assertEquals(1761, t.batchSequences());
        // dense: Step Law
        TrainingSchedule dense = TrainingSchedule.of(plan.dense().orElseThrow().baseline(), plan.request());
        assertEquals("step-law-2025", dense.chosen().lawId());
    }

    @Test
    void tokensAgainstLingsComputeOptimalTokens() {
        // 1e25 FLOPs, Ling's published law: D_opt (MoE, Table 1) = 5.2232 · 1e25^0.4905 = 5.2232 · 10^12.2625 = 9.56e12
        PlanResult plan = new Planner(LING).plan(PlanRequest.builder(1e25, PlanRequest.AMPLE).build());
        AllocationCheck a = plan.allocation();
        Candidate rec = plan.recommended();
        assertEquals(9.56e12, a.optimalTokens(), 0.01e12);
        assertEquals(rec.tokens() / a.optimalTokens(), a.ratio(), 1e-12);
        assertEquals(rec.tokens() / rec.activeParams(), a.tokensPerActiveParam(), 1e-9);
        assertEquals(a.ratio() > 2 || a.ratio() < 0.5, a.far());
        if (a.far()) {
            Candidate o = a.computeOptimal().orElseThrow();
            assertTrue(Math.abs(Math.log(o.tokens() / a.optimalTokens())) < Math.abs(Math.log(a.ratio())));
            assertTrue(o.loss() >= rec.loss(), "the recommendation is the better of the two under the model");
            assertTrue(plan.hasWarning("allocation-far"));
        }
    }

    @Test
    void theLargestComputesPlanWithoutImpossibleGridPoints() {
        // at 1e30 the widest grid points would need dense first layers wider than 2^20: they are skipped
        // ... and at 1e32 FLOPs, the largest compute a request may give (TrainingBudget.MAX_COMPUTE)
        PlanResult plan = new Planner(LING).plan(PlanRequest.builder(1e30, PlanRequest.AMPLE).build());
        assertTrue(new Planner(LING).plan(PlanRequest.builder(1e32, PlanRequest.AMPLE).build()).recommended().isMoe());
        assertTrue(plan.recommended().isMoe());
        assertTrue(plan.recommended().shape().dFfn() <= dev.moeadvisor.shape.ModelShape.MAX_WIDTH);
    }
}
