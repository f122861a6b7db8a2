package dev.moeadvisor.fit;

import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link MoeLossModel#lossAndGradient} — the Jacobian the fit uses — against central differences of
 * {@link MoeLossModel#loss}, for all eleven coefficients, dense and MoE, with and without repeated data.
 */
class LossGradientTest {

    private static final MoeLossModel MODEL = new MoeLossModel(DenseLossLaw.EPOCH, EfficiencyLeverageLaw.LING_2025);
    private static final double[][] CASES = {
            // N_active, D, U, A, G, C
            {3e8, 1e11, Double.NaN, 1.0 / 32, 8, 1.8e20},
            {1.3e9, 4e11, 1e11, 0.0625, 12, 3.1e21},
            {2e9, 6e10, Double.NaN, 1.0, Double.NaN, 7.2e20},
            {5e8, 2e11, 5e10, 0.5, 0.8, 6e20},
    };

    @Test
    void analyticGradientMatchesCentralDifferences() {
        double[] natural = Parameterization.natural(MODEL);
        for (double[] c : CASES) {
            double[] g = new double[11];
            double value = MODEL.lossAndGradient(c[0], c[1], c[2], c[3], c[4], c[5], g);
            assertEquals(MODEL.loss(c[0], c[1], c[2], c[3], c[4], c[5]), value, 0);
            for (int k = 0; k < 11; k++) {
                double h = 1e-6 * Math.max(Math.abs(natural[k]), 1e-3);
                double[] up = natural.clone();
                double[] down = natural.clone();
                up[k] += h;
                down[k] -= h;
                double numeric = (loss(up, c) - loss(down, c)) / (2 * h);
                assertEquals(numeric, g[k], 1e-6 * Math.max(Math.abs(numeric), 1e-9 * value),
                        MoeLossModel.COEFFICIENTS.get(k) + " at " + java.util.Arrays.toString(c));
            }
        }
    }

    private static double loss(double[] natural, double[] c) {
        MoeLossModel m = Parameterization.model(natural, "t", "", MODEL.dense().citation(), MODEL.el().range());
        return m.loss(c[0], c[1], c[2], c[3], c[4], c[5]);
    }
}
