package dev.moeadvisor.fit;

import dev.moeadvisor.law.EfficiencyLeverageLaw;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default model ({@link DefaultFitRecipe}) against the figures it must show (issue: a default model that stays
 * true to the science outside its runs), each against independent truth: the papers' runs it never fitted and
 * Ling's published law.
 */
class DefaultModelTest {

    private static FitResult fit;

    @BeforeAll
    static void fitTheDefault() {
        fit = new LossModelFitter().fit(DefaultFitRecipe.problem(FitOptions.defaults().withBootstrapResamples(0)));
        System.out.println("default model: " + fit.coefficients() + ", LORO " + fit.leaveOneOutRmse() + ", reuse "
                + fit.heldOutRmse() + ", joint " + fit.elChecks());
    }

    @Test
    void elOfASparseMoeNeverFallsWithComputeAndStaysAboveOne() {
        // A ≈ 0.03, G ≈ 12 (Ling's own example, arXiv 2507.17702: EL 7.24 at 1e22 with the published law)
        EfficiencyLeverageLaw el = fit.model().el();
        double previous = 1.0;
        for (double c = 1e19; c <= 1.0001e25; c *= Math.sqrt(10)) {
            double v = el.value(0.031, 12, c);
            assertTrue(v > 1, "EL " + v + " at " + c);
            assertTrue(v >= previous, "EL falls from " + previous + " to " + v + " at " + c);
            previous = v;
        }
        assertTrue(fit.coefficient("d") < 0, "d " + fit.coefficient("d"));
    }

    @Test
    void heldOutErrorsMeetTheTargets() {
        // leave-one-run-out on Tables 9–13, duplicate configurations grouped: ≤ 0.006 BPC
        assertEquals(0, fit.leaveOneOutFailures());
        assertTrue(fit.leaveOneOutRmse() <= 0.006, "LORO " + fit.leaveOneOutRmse());
        // the reuse Tables 14–17, never fitted: ≤ 0.005 BPC over their 30 runs
        assertEquals(30, fit.heldOut().size());
        assertTrue(fit.heldOutRmse() <= 0.005, "reuse RMSE " + fit.heldOutRmse());
    }

    @Test
    void lingsPairPullsElTowardsItsObservationAndLeaveOneSourceOutShowsByHowMuch() {
        assertEquals(1, fit.elChecks().size());
        ElCheck ling = fit.elChecks().get(0);
        // Ling-mini-beta vs Dense-6.1B: EL observed = 6.11/0.85 = 7.19
        assertEquals(7.19, ling.observed(), 0.01);
        // the joint fit lies between the fit without that source and the observation: the pair informs, it does
        // not dictate (it weighs as one run against 50)
        assertTrue(ling.withoutSource() < ling.fitted() && ling.fitted() < ling.observed(), ling.toString());
        assertTrue(ling.fitted() > 1, ling.toString());
    }
}
