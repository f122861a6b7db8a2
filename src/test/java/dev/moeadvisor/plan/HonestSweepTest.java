package dev.moeadvisor.plan;

import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9's sweep: unconstrained budgets from 1e19 to 1e25 FLOPs (half-decade steps) with ample data. For a model
 * whose EL grows with compute (Ling's published law; the bundled fit with {@code d} pinned at Ling's −0.0761, a
 * stand-in for a calibrated default) the recommendation must move smoothly: EL non-decreasing (within 3%), total
 * parameters never falling by more than 2× from one budget to the next; and for every model no recommendation
 * labelled MoE has EL ≤ 1 and every search bound the recommendation sits on is either reported binding or shown,
 * by a search with that bound alone relaxed, to hold nothing better back.
 */
class HonestSweepTest {

    static final double TOLERANCE = 0.03;

    static List<PlanResult> sweep(MoeLossModel model) {
        List<PlanResult> out = new ArrayList<>();
        Planner planner = new Planner(model);
        for (int i = 0; i <= 12; i++) {
            double c = Math.pow(10, 19 + i * 0.5);
            PlanResult p = planner.plan(PlanRequest.builder(c, PlanRequest.AMPLE).build());
            Candidate r = p.recommended();
            System.out.printf("%.3g %s moe=%s EL=%.3f total=%.3g loss=%.5f dense=%.5f binding=%s bounds=%s%n", c,
                    Rationale.describe(r.shape()), r.isMoe(), r.efficiencyLeverage(), r.totalParams(), r.loss(),
                    p.dense().map(d -> d.baseline().loss()).orElse(Double.NaN), p.bindingConstraint(),
                    p.searchBounds().stream().map(b -> b.bound() + (b.binding() ? "*" : "")).toList());
            out.add(p);
        }
        return out;
    }

    @Test
    void publishedLawMovesSmoothlyWithCompute() {
        List<PlanResult> plans = sweep(new MoeLossModel(DenseLossLaw.CHINCHILLA, EfficiencyLeverageLaw.LING_2025));
        assertHonest(plans, new Planner(new MoeLossModel(DenseLossLaw.CHINCHILLA, EfficiencyLeverageLaw.LING_2025)));
        assertSmooth(plans);
        assertTrue(plans.stream().allMatch(PlanResult::moeRecommended), "Ling's law: MoE pays at every budget");
    }

    @Test
    void bundledFitWithLingsComputeSlopeMovesSmoothlyWithCompute() {
        MoeLossModel model = BundledFits.fit(Map.of("d", BundledFits.LING_D), 0).model();
        List<PlanResult> plans = sweep(model);
        assertHonest(plans, new Planner(model));
        assertSmooth(plans);
    }

    /**
     * The default model as the app computes it (the bundled fit, a and d free). Today it has d = +0.137: its EL
     * falls with compute, and above about 3e22 FLOPs no MoE beats the dense model, so the plan recommends dense there
     * — a drop in total parameters that is the model's verdict, not the planner's. The smoothness properties are
     * asserted in full when the default model's EL grows with compute (d ≤ 0, as the calibrated default of issue 15
     * is meant to); otherwise the recommended EL must follow the model's own direction (non-increasing within 3%)
     * while the MoE is recommended.
     */
    @Test
    void defaultModelIsHonestAndFollowsItsOwnComputeSlope() {
        MoeLossModel model = BundledFits.fit(Map.of(), 0).model();
        List<PlanResult> plans = sweep(model);
        assertHonest(plans, new Planner(model));
        if (model.el().d() <= 0) {
            assertSmooth(plans);
        } else {
            List<PlanResult> moe = plans.stream().filter(PlanResult::moeRecommended).toList();
            for (int i = 1; i < moe.size(); i++) {
                double prev = moe.get(i - 1).recommended().efficiencyLeverage();
                double now = moe.get(i).recommended().efficiencyLeverage();
                assertTrue(now <= prev * (1 + TOLERANCE), "EL rose against the model's slope: " + prev + " → " + now);
            }
            assertFalse(plans.get(plans.size() - 1).moeRecommended(),
                    "with EL falling below 1 the largest budget recommends dense");
        }
    }

    static void assertSmooth(List<PlanResult> plans) {
        for (int i = 1; i < plans.size(); i++) {
            Candidate prev = plans.get(i - 1).recommended();
            Candidate now = plans.get(i).recommended();
            assertTrue(now.efficiencyLeverage() >= prev.efficiencyLeverage() * (1 - TOLERANCE),
                    "EL fell from " + prev.efficiencyLeverage() + " to " + now.efficiencyLeverage() + " at C = "
                            + plans.get(i).request().computeFlops());
            assertTrue(now.totalParams() >= prev.totalParams() / 2, "total parameters fell from " + prev.totalParams()
                    + " to " + now.totalParams() + " at C = " + plans.get(i).request().computeFlops());
        }
    }

    static void assertHonest(List<PlanResult> plans, Planner planner) {
        for (PlanResult p : plans) {
            Candidate r = p.recommended();
            if (r.isMoe()) {
                assertTrue(r.efficiencyLeverage() > 1, "an MoE with EL " + r.efficiencyLeverage() + " recommended");
                assertTrue(p.dense().orElseThrow().lossGap() > 0, "the recommended MoE beats the dense baseline");
            } else {
                assertTrue(p.rationale().get(0).startsWith("Under this model MoE does not pay at this budget"));
                assertTrue(p.bestMoe().efficiencyLeverage() <= 1 || p.bestMoe().loss() >= r.loss());
            }
            for (BoundCheck b : p.searchBounds()) {
                assertEquals(b.lossImprovement() > 0, b.binding(), b.toString());
                if (b.binding() && PlanResult.NO_BINDING_CONSTRAINT.equals(p.bindingConstraint())) {
                    throw new AssertionError("a bound binds but the plan says none: " + b);
                }
            }
        }
        // independent check on three budgets: relax each bound the recommendation sits on and plan again
        for (PlanResult p : List.of(plans.get(0), plans.get(plans.size() / 2), plans.get(plans.size() - 1))) {
            Candidate r = p.recommended();
            if (!r.isMoe()) {
                continue;
            }
            PlanRequest q = p.request();
            if (r.shape().experts() == 512) {
                BoundCheck cap = find(p, "maxExperts");
                PlanResult wider = planner.plan(q.toBuilder().maxExperts(1024).build());
                assertEquals(wider.bestMoe().loss() < r.loss(), cap.binding(), cap.toString());
            }
            if (r.shape().topK() == q.maxTopK()) {
                BoundCheck k = find(p, "maxTopK");
                PlanResult more = planner.plan(q.toBuilder().topK(q.minTopK(), q.maxTopK() + 1).build());
                assertEquals(more.bestMoe().loss() < r.loss(), k.binding(), k.toString());
            }
        }
    }

    static BoundCheck find(PlanResult p, String bound) {
        return p.searchBounds().stream().filter(b -> b.bound().equals(bound)).findFirst()
                .orElseThrow(() -> new AssertionError("the recommendation sits on " + bound + " but it is not reported"));
    }
}
