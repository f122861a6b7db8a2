package dev.moeadvisor.plan;

import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class HonestSweepTest {

    static List<PlanResult> sweep(MoeLossModel model) {
        List<PlanResult> out = new ArrayList<>();
        Planner planner = new Planner(model);
        for (int i = 0; i <= 24; i++) {
            double c = Math.pow(10, 19 + i * 0.25);
            PlanResult p = planner.plan(PlanRequest.builder(c, PlanRequest.AMPLE).build());
            Candidate r = p.recommended();
            System.out.printf("%.3g %s moe=%s EL=%.3f tot=%.3g act=%.3g A=%.4f G=%.2f loss=%.5f dense=%.5f bind=%s bounds=%s D/Dopt=%.2f%n",
                    c, Rationale.describe(r.shape()), r.isMoe(), r.efficiencyLeverage(), r.totalParams(), r.activeParams(),
                    r.activationRatio(), r.granularity(), r.loss(), p.dense().map(d -> d.baseline().loss()).orElse(Double.NaN),
                    p.bindingConstraint(), p.searchBounds().stream().map(b -> b.bound() + (b.binding() ? "*" : "") + String.format("%.2g", b.lossImprovement())).toList(),
                    p.allocation().ratio());
            out.add(p);
        }
        return out;
    }

    @Test
    void probe() {
        System.out.println("== ling");
        sweep(new MoeLossModel(DenseLossLaw.CHINCHILLA, EfficiencyLeverageLaw.LING_2025));
        System.out.println("== default");
        sweep(BundledFits.fit(Map.of(), 0).model());
        System.out.println("== pinned d");
        sweep(BundledFits.fit(Map.of("d", BundledFits.LING_D), 0).model());
    }
}
