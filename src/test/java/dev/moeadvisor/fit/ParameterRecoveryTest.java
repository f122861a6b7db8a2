package dev.moeadvisor.fit;

import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recovery of known coefficients: 400 synthetic runs ({@link SyntheticRuns}: N_active 1e8–5e9, tokens 1e10–5e11,
 * a fifth dense, A from 1/256 to 1/2, G 1–16, a quarter with repeated data) from the Epoch dense law (arXiv
 * 2404.10102) composed with Ling's EL law (arXiv 2507.17702 Table 2), with Gaussian noise σ = 0.002 on log loss.
 *
 * <p>Stated tolerances (about three bootstrap standard errors of this design): E within 1%; α and β within
 * 0.015; A_N and B_D within 25% (each trades off against its exponent); a within 0.1; d within 0.005; every true
 * value inside its bootstrap 95% interval; and the fitted model's noise-free loss within 0.1% of the truth's on
 * fresh runs.
 */
class ParameterRecoveryTest {

    private static final MoeLossModel TRUTH = new MoeLossModel(DenseLossLaw.EPOCH, EfficiencyLeverageLaw.LING_2025);
    private static FitResult result;

    @BeforeAll
    static void fit() {
        List<FitPoint> points = SyntheticRuns.generate(TRUTH, 400, 0.002, 7);
        FitOptions options = FitOptions.defaults().withBootstrapResamples(50).withLeaveOneOut(false);
        result = new LossModelFitter().fit(FitProblem.ofPoints(points, "loss", FitParameter.defaultPins(), options));
        System.out.println("recovered: " + result.coefficients());
        System.out.println("intervals: " + result.intervals());
    }

    private static double truth(FitParameter p) {
        return p.valueIn(TRUTH);
    }

    @Test
    void recoversTheDenseCoefficients() {
        assertEquals(truth(FitParameter.E), result.coefficient("E"), 0.01 * truth(FitParameter.E));
        assertEquals(truth(FitParameter.ALPHA), result.coefficient("alpha"), 0.015);
        assertEquals(truth(FitParameter.BETA), result.coefficient("beta"), 0.015);
        assertEquals(truth(FitParameter.A_N), result.coefficient("A_N"), 0.25 * truth(FitParameter.A_N));
        assertEquals(truth(FitParameter.B_D), result.coefficient("B_D"), 0.25 * truth(FitParameter.B_D));
    }

    @Test
    void recoversTheEfficiencyLeverageIntercepts() {
        assertEquals(truth(FitParameter.A), result.coefficient("a"), 0.1);
        assertEquals(truth(FitParameter.D), result.coefficient("d"), 0.005);
        assertEquals(TRUTH.el().value(1.0 / 32, 8, 1e21), result.model().el().value(1.0 / 32, 8, 1e21),
                0.05 * TRUTH.el().value(1.0 / 32, 8, 1e21));
    }

    @Test
    void everyTrueValueLiesInItsBootstrapInterval() {
        for (FitParameter p : FitParameter.defaultFree()) {
            assertTrue(result.intervals().get(p.label()).contains(truth(p)),
                    p.label() + " " + truth(p) + " not in " + result.intervals().get(p.label()));
        }
    }

    @Test
    void predictsFreshRunsLikeTheTruth() {
        for (FitPoint p : SyntheticRuns.generate(TRUTH, 200, 0.0, 99)) {
            assertEquals(p.observed(), p.predict(result.model()), 1e-3 * p.observed(), p.runId());
        }
    }

    @Test
    void residualNoiseMatchesTheInjectedNoise() {
        // RMSE in loss units ≈ σ × typical loss (≈ 2.4 nats here); a fit that absorbed the noise would be far lower.
        double typical = result.residuals().stream().mapToDouble(RunResidual::observed).average().orElseThrow();
        assertEquals(0.002 * typical, result.rmse(), 0.0005 * typical);
    }
}
