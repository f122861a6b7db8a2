package dev.moeadvisor.fit;

import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Levenberg–Marquardt with Huber reweighting (analytic Jacobian) and BOBYQA on the Huber objective itself
 * (derivative-free) reach the same optimum from the same start: one checks the other, and the analytic gradient.
 */
class OptimizerAgreementTest {

    @Test
    void irlsLevenbergMarquardtAndBobyqaAgree() {
        MoeLossModel truth = new MoeLossModel(DenseLossLaw.CHINCHILLA, EfficiencyLeverageLaw.LING_2025);
        List<FitPoint> points = SyntheticRuns.generate(truth, 120, 0.003, 11);
        FitOptions options = FitOptions.defaults().withBootstrapResamples(0).withLeaveOneOut(false)
                .withStartGridSize(1);
        FitResult lm = fit(points, options.withMethod(FitMethod.LEVENBERG_MARQUARDT_IRLS));
        FitResult bobyqa = fit(points, options.withMethod(FitMethod.BOBYQA));
        System.out.println("LM-IRLS: " + lm.objective() + " " + lm.coefficients());
        System.out.println("BOBYQA:  " + bobyqa.objective() + " " + bobyqa.coefficients());
        assertEquals(bobyqa.objective(), lm.objective(), 1e-8 * bobyqa.objective());
        for (FitParameter p : FitParameter.defaultFree()) {
            double a = lm.coefficient(p.label());
            double b = bobyqa.coefficient(p.label());
            assertEquals(b, a, 1e-3 * Math.abs(b), p.label());
        }
        assertTrue(lm.iterations() < bobyqa.iterations());
    }

    private static FitResult fit(List<FitPoint> points, FitOptions options) {
        return new LossModelFitter().fit(FitProblem.ofPoints(points, "loss", FitParameter.defaultPins(), options));
    }
}
