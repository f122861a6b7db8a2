package dev.moeadvisor.plan;

import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InfeasiblePlanTest {

    final Planner planner = new Planner(new MoeLossModel(DenseLossLaw.CHINCHILLA, EfficiencyLeverageLaw.LING_2025));

    InfeasiblePlanException infeasible(PlanRequest request) {
        return assertThrows(InfeasiblePlanException.class, () -> planner.plan(request));
    }

    @Test
    void computeTooSmallForAnyShape() {
        // 1e10 FLOPs: even 4 layers of width 512 (4.2M attention parameters, M ≥ 25M FLOPs per token) get < 400 tokens
        InfeasiblePlanException e = infeasible(PlanRequest.builder(1e10, PlanRequest.AMPLE).build());
        assertEquals("computeFlops", e.constraint());
        assertTrue(e.getMessage().contains("C = 1e10 FLOPs"), e.getMessage());
    }

    @Test
    void memoryCapBelowTheSmallestShape() {
        // the smallest searched shape has 4 layers of width 512: 4·(4·512²) = 4.19M attention parameters alone
        InfeasiblePlanException e = infeasible(PlanRequest.builder(1e20, PlanRequest.AMPLE).maxTotalParams(1e6).build());
        assertEquals("memoryCap", e.constraint());
        assertTrue(e.getMessage().contains("memory cap of 1M total"), e.getMessage());
    }

    @Test
    void noShapeOfTheFixedSize() {
        InfeasiblePlanException e = infeasible(PlanRequest.builder(1e20, PlanRequest.AMPLE).fixedTotalParams(1e6).build());
        assertEquals("fixedTotalParams", e.constraint());
    }

    @Test
    void tooLittleUniqueData() {
        // 1e20 FLOPs over 1e6 unique tokens: every trainable shape needs thousands of epochs
        InfeasiblePlanException e = infeasible(PlanRequest.builder(1e20, 1e6).build());
        assertEquals("maxEpochs", e.constraint());
    }
}
