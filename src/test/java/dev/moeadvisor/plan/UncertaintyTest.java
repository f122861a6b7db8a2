package dev.moeadvisor.plan;

import dev.moeadvisor.fit.Interval;
import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UncertaintyTest {

    @Test
    void percentilesInterpolateBetweenOrderStatistics() {
        // 5 values: position p/100·4; 2.5% → 0.1 → 1 + 0.1·(2 − 1); 97.5% → 3.9 → 4 + 0.9·(5 − 4)
        Interval i = Interval.ofBootstrap(new double[] {5, 1, 4, 2, 3});
        assertEquals(1.1, i.lower(), 1e-12);
        assertEquals(4.9, i.upper(), 1e-12);
        assertEquals(new Interval(7, 7), Interval.ofBootstrap(new double[] {7}));
    }

    @Test
    void bootstrapModelsDifferingOnlyInTheIrreducibleLossShiftTheLossAndNotTheLeverage() {
        DenseLossLaw c = DenseLossLaw.CHINCHILLA;
        MoeLossModel base = new MoeLossModel(c, EfficiencyLeverageLaw.LING_2025);
        double[] shifts = {-0.02, -0.01, 0, 0.01, 0.02};
        List<MoeLossModel> bootstrap = java.util.Arrays.stream(shifts).mapToObj(s -> new MoeLossModel(
                new DenseLossLaw(c.e() + s, c.aN(), c.bD(), c.alpha(), c.beta(), c.id(), c.unit(), c.citation()),
                EfficiencyLeverageLaw.LING_2025)).toList();
        PlanResult plan = new Planner(base).plan(PlanRequest.builder(1e20, 1e11).build(), bootstrap);
        Uncertainty u = plan.uncertainty().orElseThrow();
        double loss = plan.recommended().loss();
        // shifts sorted: 2.5% at position 0.1 → −0.019; 97.5% at 3.9 → +0.019
        assertEquals(5, u.models());
        assertEquals(loss - 0.019, u.recommendedLoss().lower(), 1e-12);
        assertEquals(loss + 0.019, u.recommendedLoss().upper(), 1e-12);
        assertEquals(plan.recommended().efficiencyLeverage(), u.recommendedEl().lower(), 1e-12);
        assertEquals(plan.recommended().efficiencyLeverage(), u.recommendedEl().upper(), 1e-12);
        double dense = plan.dense().orElseThrow().baseline().loss();
        assertEquals(dense - 0.019, u.denseLoss().orElseThrow().lower(), 1e-12);
        assertTrue(plan.rationale().stream().anyMatch(s -> s.contains("5 bootstrap")));
        assertTrue(new Planner(base).plan(PlanRequest.builder(1e20, 1e11).build()).uncertainty().isEmpty());
    }
}
