package dev.moeadvisor.plan;

import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants any plan must satisfy, checked on a request where several constraints bind at once. */
class PlanInvariantsTest {

    static final MoeLossModel MODEL = new MoeLossModel(DenseLossLaw.CHINCHILLA, EfficiencyLeverageLaw.LING_2025);
    static final double CAP = 12e9;
    static PlanRequest request;
    static PlanResult plan;

    @BeforeAll
    static void plan() {
        request = PlanRequest.builder(3e21, 200e9).maxTotalParams(CAP).maxEpochs(3).expertParallelDegree(8)
                .topK(2, 6).denseLayers(1, 2).seqLen(2048).build();
        plan = new Planner(MODEL).plan(request);
    }

    @Test
    void everyReturnedCandidateSatisfiesEveryConstraint() {
        assertEquals(request.alternatives(), plan.alternatives().size());
        for (Candidate c : plan.candidates()) {
            var s = c.shape();
            assertTrue(s.isMoe());
            assertTrue(c.totalParams() <= CAP, "memory cap");
            assertTrue(c.epochs() <= 3 + 1e-12, "epochs");
            assertEquals(c.tokens() / 200e9, c.epochs(), 1e-12 * c.epochs());
            assertEquals(0, s.experts() % 8, "E divisible by the expert-parallel degree");
            assertTrue(s.experts() <= 512);
            assertTrue(s.topK() >= 2 && s.topK() <= 6, "k range");
            assertTrue(s.denseLayers() >= 1 && s.denseLayers() <= 2, "dense first layers");
            assertEquals(1, s.sharedExperts());
            assertEquals(s.dExpert(), s.dShared(), "shared expert as wide as a routed one");
            assertEquals((s.topK() + 1) * s.dExpert(), s.dFfn(), "dense layers as wide as the active MoE FFN");
            assertEquals(0, s.dModel() % 128);
            assertEquals(0, s.dExpert() % 64);
            assertEquals(128, s.headDim());
            assertEquals(s.dModel() / 128, s.heads());
            assertEquals(2048, s.seqLen());
            assertTrue(c.activationRatio() >= 1.0 / 128, "A bound");
            assertEquals((s.topK() + 1.0) / (s.experts() + 1.0), c.activationRatio(), 1e-15, "A = (k+1)/(E+1)");
            assertTrue(c.granularity() >= 2 && c.granularity() <= 16, "G bound");
            double aspect = (double) s.dModel() / s.layers();
            assertTrue(aspect >= 48 && aspect <= 128, "d_model/L bound");
            assertTrue(c.tokens() >= c.activeParams(), "at least one token per active parameter");
            assertEquals(request.computeFlops(), c.tokens() * c.flopsPerToken(), 1e-9 * request.computeFlops(), "D·M = C");
            assertEquals(MODEL.loss(c.activeParams(), c.tokens(), 200e9, c.activationRatio(), c.granularity(), 3e21),
                    c.loss(), 0.0, "the loss is the loss model's");
        }
    }

    @Test
    void recommendationIsNoWorseThanAnyAlternativeAndAlternativesAreDistinctExpertConfigurationsOrWidths() {
        Set<String> keys = new HashSet<>();
        Candidate rec = plan.recommended();
        double previous = rec.loss();
        String own = rec.shape().experts() + "/" + rec.shape().topK();
        keys.add(own);
        int widths = 0;
        for (Candidate alt : plan.alternatives()) {
            assertTrue(rec.loss() <= alt.loss());
            assertTrue(previous <= alt.loss(), "alternatives are ranked");
            previous = alt.loss();
            String key = alt.shape().experts() + "/" + alt.shape().topK();
            if (key.equals(own)) {
                // the recommendation's own configuration at another width, depth by the rule
                widths++;
                assertTrue(alt.shape().dModel() != rec.shape().dModel());
                assertEquals(SearchSpace.ruleLayers(alt.shape().dModel()), alt.shape().layers());
            } else {
                assertTrue(keys.add(key), "one alternative per other (E, k)");
            }
        }
        // here the epochs limit rules out every narrower width and the memory cap every wider one
        assertTrue(widths <= 2, "width alternatives: " + widths);
    }

    @Test
    void denseBaselineIsDenseUnderTheSameConstraints() {
        DenseComparison d = plan.dense().orElseThrow();
        Candidate b = d.baseline();
        assertFalse(b.shape().isMoe());
        assertEquals(0, b.shape().experts());
        assertEquals(1.0, b.activationRatio());
        assertEquals(1.0, b.efficiencyLeverage());
        assertTrue(b.totalParams() <= CAP);
        assertTrue(b.epochs() <= 3 + 1e-12);
        assertEquals(request.computeFlops(), b.tokens() * b.flopsPerToken(), 1e-9 * request.computeFlops());
        assertEquals(b.loss() - plan.recommended().loss(), d.lossGap(), 1e-15);
        assertEquals(plan.recommended().efficiencyLeverage() * request.computeFlops(), d.computeToMatchByEl(),
                1e-9 * d.computeToMatchByEl());
    }

    @Test
    void solvedDenseComputeIsTheThresholdAtWhichTheDenseSearchMatchesTheMoe() {
        DenseComparison d = plan.dense().orElseThrow();
        double target = plan.recommended().loss();
        assertTrue(d.lossGap() > 0 && d.computeToMatchSolved() > request.computeFlops());
        ShapeSearch search = new ShapeSearch(new SearchSpace(request), MODEL);
        assertTrue(search.dense(d.computeToMatchSolved()).best().orElseThrow().loss() <= target);
        // bisection to a relative 1e-3: slightly less compute no longer suffices
        assertTrue(search.dense(d.computeToMatchSolved() / 1.001).best().orElseThrow().loss() > target);
    }

    @Test
    void tighterMemoryCapNeverHelpsAndBindsWhenTheUncappedOptimumIsLarger() {
        PlanResult uncapped = new Planner(MODEL).plan(request.toBuilder().maxTotalParams(Double.POSITIVE_INFINITY).build());
        assertTrue(uncapped.recommended().totalParams() > CAP, "the uncapped optimum needs more memory than the cap");
        assertTrue(uncapped.recommended().loss() <= plan.recommended().loss());
        assertEquals(Constraint.MEMORY_CAP.id(), plan.bindingConstraint());
        assertTrue(plan.rejections().betterByConstraint().get("memoryCap") > 0);
        // the rationale names the constraint in words, not by its request field
        assertTrue(plan.rationale().stream().anyMatch(s -> s.startsWith(
                "Binding constraint: total parameters above the memory cap — alone it rejected ")), plan.rationale().toString());
        assertTrue(plan.rationale().stream().noneMatch(s -> s.contains("memoryCap")), plan.rationale().toString());
    }

    @Test
    void referencesAndHyperParametersComeFromTheLaws() {
        double c = request.computeFlops();
        // Ling Table 1 by hand: M_opt = 0.1915·C^0.5095, D_opt = 5.2232·C^0.4905
        assertEquals(0.1915 * Math.pow(c, 0.5095), plan.moeOptimal().flopsPerToken(), 1e-9 * plan.moeOptimal().flopsPerToken());
        assertEquals(5.2232 * Math.pow(c, 0.4905), plan.moeOptimal().tokens(), 1e-9 * plan.moeOptimal().tokens());
        assertEquals(plan.moeOptimal().flopsPerToken() / 6, plan.moeOptimal().impliedParams(), 1e-3);
        assertEquals(0.0655 * Math.pow(c, 0.5422), plan.denseOptimal().flopsPerToken(), 1e-9 * plan.denseOptimal().flopsPerToken());
        // Ling Eq. 3: lr = 1.1576·C^-0.1529; Step Law: lr = 1.79·N^-0.713·D^0.307
        assertEquals(1.1576 * Math.pow(c, -0.1529), plan.lingHyperParameters().learningRate(), 1e-12);
        Candidate rec = plan.recommended();
        assertEquals(1.79 * Math.pow(rec.activeParams(), -0.713) * Math.pow(rec.tokens(), 0.307),
                plan.stepHyperParameters().learningRate(), 1e-12);
        assertFalse(plan.rationale().isEmpty());
    }

    @Test
    void rejectionCountsAddUp() {
        Rejections r = plan.rejections();
        assertTrue(r.evaluated() > 0 && r.rejected() > 0 && r.feasible() > plan.alternatives().size());
        long sole = r.soleByConstraint().values().stream().mapToLong(Long::longValue).sum();
        long any = r.byConstraint().values().stream().mapToLong(Long::longValue).sum();
        assertTrue(sole <= r.rejected() && r.rejected() <= any);
        r.byConstraint().forEach((id, n) -> assertTrue(r.soleByConstraint().get(id) <= n));
        r.soleByConstraint().forEach((id, n) -> assertTrue(r.betterByConstraint().get(id) <= n));
        assertTrue(r.byConstraint().get("expertParallelDegree") > 0, "E = 3·2^n ladder values fail EP = 8");
    }
}
