package dev.moeadvisor.plan;

import dev.moeadvisor.law.family.Axis;
import dev.moeadvisor.law.family.ChinchillaOptimum;
import dev.moeadvisor.law.family.ImpliedLeverage;
import dev.moeadvisor.law.family.JointMoeLaw;
import dev.moeadvisor.law.family.KrajewskiLaw;
import dev.moeadvisor.law.family.LawFamilies;
import dev.moeadvisor.law.family.LawPoint;
import dev.moeadvisor.law.family.LingComposedLaw;
import dev.moeadvisor.law.family.MoeLawFamily;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;
import org.junit.jupiter.api.Test;

import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plan ranked by a law family ({@link FamilyPlanner}) against a reference written here: every shape of a small
 * grid built and scored one by one with the law ({@code law.loss(law.point(shape, C))}), feasibility judged from the
 * request directly. The recommendation's loss is the least of the reference, its EL the law's implied EL for that
 * shape ({@link ImpliedLeverage#of}), and its counts those of the reference walk.
 */
class FamilyPlannerTest {

    /** A small grid: 1e20 FLOPs, up to 64 experts, top-2..4, widths on a coarse multiple. */
    static PlanRequest small(double computeFlops) {
        return PlanRequest.builder(computeFlops, PlanRequest.AMPLE).maxExperts(64).topK(2, 4).dModelMultiple(256)
                .dExpertMultiple(128).build();
    }

    /**
     * The reference: least loss and feasible count over every MoE shape of the grid, each built and scored, widths
     * growing until a whole d_model has no shape with as many tokens as active parameters.
     */
    record Reference(double bestLoss, ModelShape best, long evaluated, long feasible) {
    }

    static Reference walk(MoeLawFamily law, PlanRequest r) {
        SearchSpace space = new SearchSpace(r);
        double c = r.computeFlops();
        double bestLoss = Double.POSITIVE_INFINITY;
        ModelShape best = null;
        long evaluated = 0;
        long feasible = 0;
        for (int dModel : space.dModels()) {
            boolean trainable = false;
            for (int layers : space.layers(dModel)) {
                for (int dExpert : space.expertWidths(dModel)) {
                    for (int dense = r.minDenseLayers(); dense <= space.maxDenseLayers(layers); dense++) {
                        for (int k : space.topKs()) {
                            for (int e : space.experts()) {
                                if (e <= k || !space.buildable(dense, dExpert, k)) {
                                    continue;
                                }
                                ModelShape s = space.moe(dModel, layers, dense, dExpert, e, k);
                                ShapeMetrics m = ShapeMetrics.of(s);
                                LawPoint p = law.point(s, c);
                                evaluated++;
                                boolean enoughTokens = p.get(Axis.TOKENS) >= m.activeParams();
                                trainable |= enoughTokens;
                                boolean ok = enoughTokens
                                        && m.totalParams() <= r.maxTotalParams()
                                        && m.activationRatioLing() >= r.bounds().minActivationRatio()
                                        && e % r.expertParallelDegree() == 0;
                                if (!ok) {
                                    continue;
                                }
                                feasible++;
                                double loss = law.loss(p);
                                if (loss < bestLoss) {
                                    bestLoss = loss;
                                    best = s;
                                }
                            }
                        }
                    }
                }
            }
            if (!trainable) {
                break;   // wider shapes have fewer tokens still (the brute force's stop rule)
            }
        }
        return new Reference(bestLoss, best, evaluated, feasible);
    }

    @Test
    void recommendationIsTheLeastLossOfTheWalkUnderEachLawWithTheLawsImpliedEl() {
        for (double c : new double[] {1e20}) {
            PlanRequest r = small(c);
            for (MoeLawFamily law : LawFamilies.PUBLISHED) {
                PlanResult plan = new FamilyPlanner(law).plan(r, SearchLimits.NONE);
                Reference ref = walk(law, r);
                Candidate rec = plan.recommended();
                String what = law.id() + " at " + c;
                assertTrue(rec.isMoe(), what);
                assertTrue(rec.loss() <= ref.bestLoss() * (1 + 1e-12), what + ": " + rec.loss() + " > " + ref.bestLoss());
                assertEquals(law.loss(law.point(rec.shape(), c)), rec.loss(), 0, what);
                ImpliedLeverage implied = ImpliedLeverage.of(law, rec.shape(), c);
                assertEquals(implied.leverage(), rec.efficiencyLeverage(), 1e-12 * implied.leverage(), what);
                assertEquals(!implied.inRange(), rec.extrapolated(), what);
                assertEquals(law.point(rec.shape(), c).get(Axis.TOKENS), rec.tokens(), 0, what);
                // under a family, EL·C is the compute its compute-optimal dense model needs for the MoE's loss
                assertEquals(ChinchillaOptimum.computeForLoss(law.dense(), rec.loss()),
                        plan.dense().orElseThrow().computeToMatchByEl(), 1e-9 * c * rec.efficiencyLeverage(), what);
                assertEquals(ref.feasible(), plan.rejections().feasible(), what);
                assertTrue(plan.uncertainty().isEmpty() && plan.paired().isEmpty(), what);
            }
        }
    }

    @Test
    void constraintsHoldAndTheLawsDisagreeOnTheShape() {
        PlanRequest capped = small(1e21).toBuilder().maxTotalParams(2e9).build();
        PlanResult k = new FamilyPlanner(KrajewskiLaw.PUBLISHED).plan(capped, SearchLimits.NONE);
        PlanResult j = new FamilyPlanner(JointMoeLaw.PUBLISHED).plan(capped, SearchLimits.NONE);
        assertTrue(k.recommended().totalParams() <= 2e9 && j.recommended().totalParams() <= 2e9);
        assertEquals(walk(KrajewskiLaw.PUBLISHED, capped).bestLoss(), k.recommended().loss(),
                1e-12 * k.recommended().loss());
        // Krajewski's loss falls with total parameters and granularity; the joint law's with active parameters:
        // under one grid they pick different shapes
        assertFalse(k.recommended().shape().equals(j.recommended().shape()));
    }

    @Test
    void lingFamilyRanksLikeItsComposedModel() {
        // Ling's family scores a shape with the same composed model the planner ranks with (tokens C/M, the advisor's
        // FLOP model), so both searches find the same loss for the best MoE
        PlanRequest r = small(1e21);
        Candidate family = new FamilySearch(new SearchSpace(r), LingComposedLaw.WITH_CHINCHILLA, SearchLimits.NONE).moe()
                .best().orElseThrow();
        Candidate planner = new ShapeSearch(new SearchSpace(r), LingComposedLaw.WITH_CHINCHILLA.model()).moe().best()
                .orElseThrow();
        assertEquals(planner.loss(), family.loss(), 1e-12 * planner.loss());
    }

    @Test
    void boundedLikePlans() {
        PlanRequest r = small(1e20);
        assertThrows(PlanTooLargeException.class, () -> new FamilyPlanner(KrajewskiLaw.PUBLISHED)
                .plan(r, new SearchLimits(10, Long.MAX_VALUE, () -> false, System::nanoTime)));
        BooleanSupplier cancelled = () -> true;
        assertThrows(PlanAbortedException.class, () -> new FamilyPlanner(KrajewskiLaw.PUBLISHED)
                .plan(r, new SearchLimits(Long.MAX_VALUE, Long.MAX_VALUE, cancelled, System::nanoTime)));
    }
}
