package dev.moeadvisor.plan;

import dev.moeadvisor.budget.Gpu;
import dev.moeadvisor.budget.GpuBudget;
import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import dev.moeadvisor.memory.TrainingSetup;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast {@link ShapeSearch} gives the brute force's answer ({@link BruteForceSearch}, the search as it was): on a
 * fixed set of requests the ranked bucket bests (every candidate equal: shape, counts, tokens, loss, EL), the
 * rejection counts (per constraint, sole, better than the recommendation), the binding constraint and the smallest
 * size and trainable compute are equal, for the MoE grid and for the dense grid at several computes.
 */
class FastSearchEquivalenceTest {

    static final MoeLossModel LING = new MoeLossModel(DenseLossLaw.CHINCHILLA, EfficiencyLeverageLaw.LING_2025);
    /** A model whose EL falls with compute and whose data term is heavier: another shape of the loss surface. */
    static final MoeLossModel OTHER = new MoeLossModel(DenseLossLaw.EPOCH,
            EfficiencyLeverageLaw.LING_2025.withIntercepts(1.1, 0.02, EfficiencyLeverageLaw.LING_2025.citation()));

    static Map<String, PlanRequest> requests() {
        Map<String, PlanRequest> m = new LinkedHashMap<>();
        m.put("1e20 ample", PlanRequest.builder(1e20, PlanRequest.AMPLE).build());
        m.put("1e22 ample", PlanRequest.builder(1e22, PlanRequest.AMPLE).build());
        m.put("1e24 1e12 unique cap 1e12", PlanRequest.builder(1e24, 1e12).maxTotalParams(1e12).build());
        m.put("equal resources", PlanRequest.builder(2.86e21, 316e9).fixedTotalParams(6.52e9).seqLen(2048).build());
        m.put("memory capped", PlanRequest.builder(1e22, PlanRequest.AMPLE).maxTotalParams(3e9).build());
        m.put("data constrained", PlanRequest.builder(1e22, 2e10).maxEpochs(3).build());
        m.put("fixed total size", PlanRequest.builder(1e21, PlanRequest.AMPLE).fixedTotalParams(2e10, 0.1).build());
        m.put("expert parallel 8, k 1-4, no shared",
                PlanRequest.builder(3e21, PlanRequest.AMPLE).expertParallelDegree(8).topK(1, 4).sharedExpert(false)
                        .build());
        m.put("shared top-k wide, dense 1-5", PlanRequest.builder(1e23, 5e12).sharedExpertTopKWide(true)
                .denseLayers(1, 5).build());
        m.put("multi-head attention", PlanRequest.builder(1e22, PlanRequest.AMPLE).attention(AttentionKind.MHA).build());
        m.put("MLA, 1e23", PlanRequest.builder(1e23, PlanRequest.AMPLE).attention(AttentionKind.MLA).build());
        m.put("MoE every 2nd layer, dense 0-2", PlanRequest.builder(1e22, PlanRequest.AMPLE).moeLayerStep(2)
                .denseLayers(0, 2).build());
        // rows of several dense-layer counts with every count-based constraint binding inside them (RowFailures)
        m.put("wide: k 1-16, dense 0-4", PlanRequest.builder(1e22, PlanRequest.AMPLE).topK(1, 16).denseLayers(0, 4)
                .build());
        m.put("fixed size, 3 epochs, cap, dense 0-3", PlanRequest.builder(3e21, 3e10).maxEpochs(3)
                .fixedTotalParams(1.5e10, 0.3).maxTotalParams(1.7e10).topK(1, 6).denseLayers(0, 3).build());
        m.put("infeasible cap", PlanRequest.builder(1e22, PlanRequest.AMPLE).maxTotalParams(1e7).build());
        m.put("too little compute", PlanRequest.builder(1e14, PlanRequest.AMPLE).build());
        GpuBudget gpus = GpuBudget.of(Gpu.A100_40, 64, 720, 0.4);
        m.put("64 A100-40GB", PlanRequest.builder(gpus.computeFlops(), 15e12).hardware(new Hardware(gpus,
                Gpu.A100_40.memoryGb(), 1.0, TrainingSetup.forShape(PlanRequest.DEFAULT_SEQ_LEN))).build());
        return m;
    }

    @Test
    void moeSearchRanksCountsAndBindsLikeTheBruteForce() {
        for (MoeLossModel model : new MoeLossModel[] {LING, OTHER}) {
            for (Map.Entry<String, PlanRequest> e : requests().entrySet()) {
                SearchSpace space = new SearchSpace(e.getValue());
                assertSame(e.getKey(), new BruteForceSearch(space, model).moe(), new ShapeSearch(space, model).moe());
            }
        }
    }

    /**
     * A plan's searches share one {@link ShapeSearch.Leverages} and its EL tables per bucket layout: searches over other
     * layouts (fewer experts, other top-k) and over the same one, run first on the shared tables, leave the request's
     * own search equal to the brute force, and a second search on the filled tables equal to the first.
     */
    @Test
    void searchesSharingTheirElTablesRankLikeTheBruteForce() {
        for (MoeLossModel model : new MoeLossModel[] {LING, OTHER}) {
            for (Map.Entry<String, PlanRequest> e : requests().entrySet()) {
                PlanRequest r = e.getValue();
                ShapeSearch.Leverages shared = new ShapeSearch.Leverages(model, r.computeFlops());
                for (PlanRequest other : List.of(r.toBuilder().maxExperts(Math.max(2, r.maxExperts() / 2)).build(),
                        r.toBuilder().topK(1, 2).build())) {
                    new ShapeSearch(new SearchSpace(other), model, SearchLimits.NONE, shared).moe();
                }
                SearchSpace space = new SearchSpace(r);
                ShapeSearch.Outcome first = new ShapeSearch(space, model, SearchLimits.NONE, shared).moe();
                assertSame(e.getKey() + " on shared EL tables", new BruteForceSearch(space, model).moe(), first);
                assertSame(e.getKey() + " on filled EL tables", first,
                        new ShapeSearch(space, model, SearchLimits.NONE, shared).moe());
            }
        }
    }

    @Test
    void bestOnlySearchFindsTheBruteForcesBestWhenItLiesBelowTheCeiling() {
        for (MoeLossModel model : new MoeLossModel[] {LING, OTHER}) {
            for (Map.Entry<String, PlanRequest> e : requests().entrySet()) {
                SearchSpace space = new SearchSpace(e.getValue());
                java.util.Optional<Candidate> best = new BruteForceSearch(space, model).moe().best();
                double loss = best.map(Candidate::loss).orElse(3.0);
                for (double ceiling : new double[] {Double.POSITIVE_INFINITY, loss * 1.01, loss * (1 + 1e-6), loss,
                        loss * (1 - 1e-6), loss * 0.99}) {
                    assertEquals(best.filter(b -> b.loss() <= ceiling), new ShapeSearch(space, model).bestMoeBelow(ceiling),
                            e.getKey() + " below " + ceiling);
                }
            }
        }
    }

    @Test
    void denseSearchRanksAndCountsLikeTheBruteForceAtEveryCompute() {
        for (Map.Entry<String, PlanRequest> e : requests().entrySet()) {
            SearchSpace space = new SearchSpace(e.getValue());
            for (double factor : new double[] {1, 1.7, 30, 1e4}) {
                double c = e.getValue().computeFlops() * factor;
                ShapeSearch.Outcome brute = new BruteForceSearch(space, LING).dense(c);
                assertSame(e.getKey() + " dense at " + factor + "·C", brute, new ShapeSearch(space, LING).dense(c));
                // the compute-to-match solve's best-only dense search: the brute force's best loss, to the bit
                assertEquals(brute.best().map(Candidate::loss).orElse(Double.POSITIVE_INFINITY),
                        new ShapeSearch(space, LING).denseBestLoss(c), e.getKey() + " dense best at " + factor + "·C");
            }
        }
    }

    @Test
    void theRequestsCoverFeasibleAndInfeasibleSearchesAndEveryKindOfRejection() {
        int feasible = 0;
        Map<String, Long> sole = new LinkedHashMap<>();
        for (PlanRequest r : requests().values()) {
            ShapeSearch.Outcome o = new ShapeSearch(new SearchSpace(r), LING).moe();
            feasible += o.ranked().isEmpty() ? 0 : 1;
            o.rejections().soleByConstraint().forEach((k, v) -> sole.merge(k, v, Long::sum));
        }
        assertTrue(feasible >= 9 && feasible < requests().size(), "feasible searches: " + feasible);
        for (Constraint c : Constraint.values()) {
            assertTrue(sole.get(c.id()) > 0, "no shape failed " + c.id() + " alone: " + sole);
        }
    }

    static void assertSame(String what, ShapeSearch.Outcome expected, ShapeSearch.Outcome actual) {
        assertEquals(expected.ranked(), actual.ranked(), what + ": ranked bucket bests");
        assertEquals(expected.rejections(), actual.rejections(), what + ": rejections");
        assertEquals(expected.binding(), actual.binding(), what + ": binding constraint");
        assertEquals(expected.minTotalParams(), actual.minTotalParams(), what + ": fewest total parameters");
        assertEquals(expected.minTrainableCompute(), actual.minTrainableCompute(), what + ": least trainable compute");
    }
}
