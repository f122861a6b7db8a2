package dev.moeadvisor.fit;

import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Priors in the fit, on synthetic runs from a known model (Epoch's dense law, arXiv 2404.10102, with Ling's EL law,
 * arXiv 2507.17702 Table 2: d = −0.0761), seeded noise σ = 0.002 on log loss.
 */
class PriorRecoveryTest {

    private static final MoeLossModel TRUTH = new MoeLossModel(DenseLossLaw.EPOCH, EfficiencyLeverageLaw.LING_2025);
    private static final FitOptions QUICK = FitOptions.defaults().withBootstrapResamples(0).withLeaveOneOut(false);

    @Test
    void strongDataOverrideAWrongPrior() {
        // 400 runs over two decades of compute; the prior says d = +0.10 ± 0.05 (wrong sign, 3.5 sd from the truth)
        List<FitPoint> points = SyntheticRuns.generate(TRUTH, 400, 0.002, 7);
        FitResult r = new LossModelFitter().fit(FitProblem.ofPoints(points, "loss", FitParameter.defaultPins(), QUICK)
                .withPriors(Map.of(FitParameter.D, new Prior(0.10, 0.05))));
        // the unregularised recovery's tolerance (ParameterRecoveryTest): within 0.005 of the truth
        assertEquals(-0.0761, r.coefficient("d"), 0.005, "d " + r.coefficient("d"));
        assertEquals(Map.of("d", new Prior(0.10, 0.05)), r.priors());
    }

    @Test
    void withNoInformationInTheDataTheEstimateStaysAtThePriorMean() {
        // every run at one compute: the data fix a + d·log₁₀C at that C only, so d is free along a flat valley and
        // only its prior (mean −0.05) decides it
        SplittableRandom random = new SplittableRandom(11);
        List<FitPoint> points = new ArrayList<>();
        double compute = 1e21;
        for (int i = 0; i < 60; i++) {
            double n = 1e8 * Math.pow(50, random.nextDouble());
            double d = compute / (6 * n);
            boolean moe = i % 5 != 0;
            double a = moe ? 1.0 / (4 << random.nextInt(5)) : 1.0;
            double g = moe ? new double[] {2, 4, 8, 12}[random.nextInt(4)] : Double.NaN;
            double clean = TRUTH.loss(n, d, Double.NaN, a, g, compute);
            points.add(new FitPoint("one-c-" + i, n, d, Double.NaN, a, g, compute,
                    clean * Math.exp(0.002 * random.nextGaussian())));
        }
        FitResult r = new LossModelFitter().fit(FitProblem.ofPoints(points, "loss", FitParameter.defaultPins(), QUICK)
                .withPriors(Map.of(FitParameter.D, new Prior(-0.05, 0.02))));
        assertEquals(-0.05, r.coefficient("d"), 1e-3, "d " + r.coefficient("d"));
        // while the EL exponent at the runs' compute is the data's: within 0.05 of the truth's −0.3681 (an EL within
        // 19% at A = 1/32), wherever the prior puts d
        assertEquals(TRUTH.el().alpha(compute), r.model().el().alpha(compute), 0.05);
    }

    @Test
    void withoutMoeRunsAPriorKeepsAAndDFreeAtTheirMeans() {
        List<FitPoint> dense = SyntheticRuns.generate(TRUTH, 200, 0.002, 3).stream().filter(p -> !p.isMoe()).toList();
        FitResult r = new LossModelFitter().fit(FitProblem.ofPoints(dense, "loss", FitParameter.defaultPins(), QUICK)
                .withPriors(PriorSet.LING_2025_EL.priors()));
        assertTrue(r.pinned().keySet().stream().noneMatch(k -> k.equals("a") || k.equals("d")));
        assertEquals(1.23, r.coefficient("a"), 1e-6);
        assertEquals(-0.0761, r.coefficient("d"), 1e-6);
    }

    @Test
    void theObjectiveIsTheHuberSumPlusTheStatedPenalty() {
        // one point whose prediction is exact at Ling's law, priors a ~ N(1.0, 0.5), d ~ N(−0.0761, 0.015):
        // at the truth the Huber sum is 0 and z_a = (1.23 − 1.0)/0.5 = 0.46, z_d = 0, so the objective is
        // 10⁻⁶ · ½ · 0.46² = 1.058e-7
        MoeLossModel m = TRUTH;
        FitPoint p = new FitPoint("p", 1e9, 1e11, Double.NaN, 1.0 / 32, 8, 6e20, m.loss(1e9, 1e11, Double.NaN,
                1.0 / 32, 8, 6e20));
        Map<FitParameter, Double> pins = new java.util.EnumMap<>(FitParameter.defaultPins());
        for (FitParameter q : List.of(FitParameter.E, FitParameter.A_N, FitParameter.B_D, FitParameter.ALPHA,
                FitParameter.BETA)) {
            pins.put(q, q.valueIn(m));
        }
        Parameterization par = new Parameterization(java.util.EnumSet.of(FitParameter.A, FitParameter.D), pins);
        PriorPenalty priors = PriorPenalty.of(par.free(), Map.of(FitParameter.A, new Prior(1.0, 0.5),
                FitParameter.D, new Prior(-0.0761, 0.015)));
        HuberObjective f = new HuberObjective(par, new PointData(List.of(p)), new int[] {0}, priors);
        assertEquals(1.058e-7, f.value(new double[] {1.23, -0.0761}), 1e-12);
        assertEquals(3, f.size());
    }

    @Test
    void aPriorOnAPinnedCoefficientIsRefused() {
        List<FitPoint> points = SyntheticRuns.generate(TRUTH, 40, 0.002, 5);
        FitProblem p = FitProblem.ofPoints(points, "loss", FitParameter.defaultPins(), QUICK);
        InvalidPriorException e = assertThrows(InvalidPriorException.class,
                () -> p.withPriors(Map.of(FitParameter.GAMMA, new Prior(0.0167, 0.01))));
        assertEquals("gamma", e.coefficient());
        assertThrows(IllegalArgumentException.class, () -> new Prior(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Prior(Double.NaN, 1));
    }
}
