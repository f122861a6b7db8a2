package dev.moeadvisor.plan;

import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanSweepTest {

    final PlanSweep sweep = new PlanSweep(new Planner(new MoeLossModel(DenseLossLaw.CHINCHILLA,
            EfficiencyLeverageLaw.LING_2025)));

    @Test
    void hundredBudgetsCompleteAndInfeasibleOnesCarryTheirReason() {
        List<Budget> budgets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double c = Math.pow(10, 18 + 5.0 * i / 19);
            for (double u : new double[] {PlanRequest.AMPLE, 1e12, 1e11, 1e10, 1e9}) {
                budgets.add(new Budget(c, u));
            }
        }
        budgets.set(0, new Budget(1e10, PlanRequest.AMPLE));
        long t0 = System.nanoTime();
        List<SweepRow> rows = sweep.run(PlanRequest.builder(1, 1).build(), budgets);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long infeasible = rows.stream().filter(r -> !r.feasible()).count();
        System.out.printf("sweep of %d budgets: %.2f s (%.1f ms per budget), %d infeasible%n", rows.size(), seconds,
                1000 * seconds / rows.size(), infeasible);

        assertEquals(100, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(budgets.get(i), rows.get(i).budget());
        }
        SweepRow tiny = rows.get(0);
        assertTrue(!tiny.feasible() && tiny.bindingConstraint().equals("computeFlops") && tiny.message() != null);
        for (SweepRow r : rows) {
            if (r.feasible()) {
                assertNull(r.message());
                assertTrue(r.epochs() <= 4 + 1e-12);
                assertTrue(r.tokens() >= r.activeParams() && Double.isFinite(r.loss()));
                assertTrue(r.activationRatio() >= 1.0 / 128 && r.granularity() >= 2 && r.granularity() <= 16);
            } else {
                assertTrue(List.of("computeFlops", "maxEpochs").contains(r.bindingConstraint()), r.message());
            }
        }
        assertTrue(rows.stream().filter(SweepRow::feasible).count() > 50);
    }

    /**
     * A row of the sweep (its own planning path, in parallel, largest budgets first) is the row of the full plan of
     * its budget, field by field, in budget order: including a budget with data scarce enough to repeat it, one where
     * a bound binds and an infeasible one.
     */
    @Test
    void rowsAreTheFullPlansRowsInBudgetOrder() {
        Planner planner = new Planner(new MoeLossModel(DenseLossLaw.CHINCHILLA, EfficiencyLeverageLaw.LING_2025));
        List<Budget> budgets = List.of(new Budget(1e21, PlanRequest.AMPLE), new Budget(1e10, PlanRequest.AMPLE),
                new Budget(3e22, 1e11), new Budget(1e19, 1e12), new Budget(2e23, 1e12), new Budget(5e20, 1e10));
        PlanRequest template = PlanRequest.builder(1, 1).maxExperts(64).build();
        List<SweepRow> rows = new PlanSweep(planner).run(template, budgets);
        assertEquals(budgets.size(), rows.size());
        boolean anyBound = false;
        for (int i = 0; i < budgets.size(); i++) {
            Budget b = budgets.get(i);
            SweepRow expected;
            try {
                expected = SweepRow.of(b, planner.plan(template.withBudget(b.computeFlops(), b.uniqueTokens())));
            } catch (InfeasiblePlanException e) {
                expected = SweepRow.infeasible(b, e);
            }
            assertEquals(expected, rows.get(i));
            anyBound |= !rows.get(i).bindingBounds().isEmpty();
        }
        assertTrue(!rows.get(1).feasible());
        assertTrue(anyBound, "some budget should sit on a binding bound (E <= 64)");
    }

    @Test
    void sweepIsBounded() {
        PlanRequest template = PlanRequest.builder(1, 1).build();
        List<Budget> tooMany = Collections.nCopies(PlanSweep.MAX_BUDGETS + 1, new Budget(1e20, 1e12));
        assertEquals("budgets", assertThrows(PlanRequestException.class, () -> sweep.run(template, tooMany)).field());
        assertEquals("budgets", assertThrows(PlanRequestException.class, () -> sweep.run(template, List.of())).field());
        assertEquals("computeFlops", assertThrows(PlanRequestException.class,
                () -> sweep.run(template, List.of(new Budget(-1, 1e12)))).field());
    }
}
