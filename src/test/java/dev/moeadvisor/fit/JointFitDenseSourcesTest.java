package dev.moeadvisor.fit;

import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A joint fit with a joined data set of its own loss level ({@link DenseSource}): shared α, β and EL, each data set
 * its own E, A_N, B_D. Synthetic runs from known models (seeded noise σ = 0.002 on log loss): the fitted data set
 * from Epoch's dense law (arXiv 2404.10102), the joined one from the same exponents at another level (as another
 * corpus and metric would have), both with Ling's EL law (arXiv 2507.17702 Table 2).
 */
class JointFitDenseSourcesTest {

    private static final MoeLossModel MAIN = new MoeLossModel(DenseLossLaw.EPOCH, EfficiencyLeverageLaw.LING_2025);
    /** Another unit: E 0.6, A_N 160, B_D 700, Epoch's α, β. */
    private static final MoeLossModel OTHER = new MoeLossModel(new DenseLossLaw(0.6, 160, 700,
            DenseLossLaw.EPOCH.alpha(), DenseLossLaw.EPOCH.beta(), "other", "other_loss", DenseLossLaw.EPOCH.citation()),
            EfficiencyLeverageLaw.LING_2025);
    private static final FitOptions QUICK = FitOptions.defaults().withBootstrapResamples(0).withLeaveOneOut(false);

    private static DenseSource other(List<FitPoint> points, Map<FitParameter, Prior> priors) {
        return new DenseSource("other-lab", "other_loss", points, Map.of(), priors);
    }

    @Test
    void eachDataSetKeepsItsOwnLevelWhileTheExponentsAndElAreShared() {
        List<FitPoint> main = SyntheticRuns.generate(MAIN, 200, 0.002, 7);
        List<FitPoint> joined = SyntheticRuns.generate(OTHER, 200, 0.002, 8).stream()
                .map(p -> new FitPoint("other-" + p.runId(), p.activeParams(), p.tokens(), p.uniqueTokens(),
                        p.activationRatio(), p.granularity(), p.compute(), p.observed())).toList();
        FitResult r = new LossModelFitter().fit(FitProblem.ofPoints(main, "loss", FitParameter.defaultPins(),
                QUICK.withBootstrapResamples(20)).withDenseSources(List.of(other(joined, Map.of()))));
        // the fitted data set's own level (ParameterRecoveryTest's tolerances)
        assertEquals(1.8172, r.coefficient("E"), 0.01 * 1.8172);
        assertEquals(482.01, r.coefficient("A_N"), 0.25 * 482.01);
        assertEquals(2085.43, r.coefficient("B_D"), 0.25 * 2085.43);
        // the joined data set's, in its own unit, never mixed with the first
        SourceFit s = r.sources().get(0);
        assertEquals("other-lab", s.dataset());
        assertEquals("other_loss", s.metric());
        assertEquals(0.6, s.coefficients().get("E"), 0.01 * 0.6);
        assertEquals(160, s.coefficients().get("A_N"), 0.25 * 160);
        assertEquals(700, s.coefficients().get("B_D"), 0.25 * 700);
        assertTrue(s.intervals().get("E").lower() <= 0.6 * 1.01 && s.intervals().get("E").upper() >= 0.6 * 0.99,
                "bootstrap interval of the joined E " + s.intervals().get("E"));
        // shared: the exponents and the EL law
        assertEquals(0.3478, r.coefficient("alpha"), 0.015);
        assertEquals(0.3658, r.coefficient("beta"), 0.015);
        assertEquals(-0.0761, r.coefficient("d"), 0.005);
        // its runs predicted at the noise level (σ = 0.002 on log loss, losses near 1: about 0.002)
        assertTrue(s.rmse() < 0.004, "rmse " + s.rmse());
        assertEquals(200, s.residuals().size());
        // leave-one-source-out: each of its MoE runs, the EL its loss implies under its own coefficients (the truth
        // up to the noise), the joint fit's and the refit's without it (the fitted data set alone identifies EL)
        List<ElCheck> checks = r.elChecks().stream().filter(c -> c.source().equals("other-lab")).toList();
        assertEquals(joined.stream().filter(FitPoint::isMoe).count(), checks.size());
        for (ElCheck c : checks) {
            double truth = OTHER.el().value(c.activationRatio(), c.granularity(), c.computeFlops());
            assertEquals(truth, c.withoutSource(), 0.1 * truth, c.runId());
            assertEquals(truth, c.fitted(), 0.1 * truth, c.runId());
        }
        double medianRatio = checks.stream().mapToDouble(c -> c.observed() / OTHER.el().value(c.activationRatio(),
                c.granularity(), c.computeFlops())).filter(Double::isFinite).sorted().toArray()[checks.size() / 2];
        assertEquals(1.0, medianRatio, 0.1, "implied EL over the truth, median");
    }

    @Test
    void aJoinedDataSetWithTooFewRunsNeedsPriorsAndOneWithoutInformationStaysAtThem() {
        List<FitPoint> main = SyntheticRuns.generate(MAIN, 120, 0.002, 3);
        // two runs, one dense and one MoE, on the same tokens: E and B_D/D^β are one number there
        FitPoint dense = new FitPoint("few-dense", 2e8, 1e11, Double.NaN, 1, Double.NaN, 1.2e20,
                OTHER.loss(2e8, 1e11, Double.NaN, 1, Double.NaN, 1.2e20));
        FitPoint moe = new FitPoint("few-moe", 3e8, 1e11, Double.NaN, 8.0 / 64, 3, 1.8e20,
                OTHER.loss(3e8, 1e11, Double.NaN, 8.0 / 64, 3, 1.8e20));
        InvalidFitProblemException refused = assertThrows(InvalidFitProblemException.class,
                () -> other(List.of(dense, moe), Map.of()));
        assertTrue(refused.getMessage().contains("2 runs for 3 of its own dense coefficients"), refused.getMessage());
        // priors on all three (B_D 5× off the truth, sd 0.1 in log): the data cannot move B_D against E, so B_D
        // stays near its prior's mean while the two runs are fitted
        Map<FitParameter, Prior> priors = Map.of(FitParameter.E, new Prior(0.6, 1.0),
                FitParameter.A_N, new Prior(160, 1.0), FitParameter.B_D, new Prior(3500, 0.1));
        FitResult r = new LossModelFitter().fit(FitProblem.ofPoints(main, "loss", FitParameter.defaultPins(), QUICK)
                .withDenseSources(List.of(other(List.of(dense, moe), priors))));
        SourceFit s = r.sources().get(0);
        assertEquals(3500, s.coefficients().get("B_D"), 0.1 * 3500);
        assertTrue(s.rmse() < 0.002, "its two runs fitted: " + s.residuals());
        assertEquals(-0.0761, r.coefficient("d"), 0.01);
    }

    @Test
    void dataSetsThatShareNoFreeElCoefficientAreRefused() {
        List<FitPoint> main = SyntheticRuns.generate(MAIN, 60, 0.002, 5);
        List<FitPoint> joined = SyntheticRuns.generate(OTHER, 30, 0.002, 6);
        Map<FitParameter, Double> pins = new java.util.EnumMap<>(FitParameter.defaultPins());
        pins.put(FitParameter.A, 1.23);
        pins.put(FitParameter.D, -0.0761);
        InvalidFitProblemException e = assertThrows(InvalidFitProblemException.class,
                () -> FitProblem.ofPoints(main, "loss", pins, QUICK).withDenseSources(List.of(other(joined, Map.of()))));
        assertTrue(e.getMessage().contains("share no free EL coefficient"), e.getMessage());
        // α, β and the EL coefficients are shared by every data set, never a source's own
        assertThrows(InvalidFitProblemException.class, () -> new DenseSource("x", "m", joined,
                Map.of(FitParameter.ALPHA, 0.3), Map.of()));
        assertThrows(InvalidFitProblemException.class, () -> FitProblem.ofPoints(main, "loss",
                FitParameter.defaultPins(), QUICK).withDenseSources(List.of(other(joined, Map.of()),
                other(joined, Map.of()))));
    }

    @Test
    void aJoinedDataSetChangesTheHashButNotTheFitWithoutOne() {
        List<FitPoint> main = SyntheticRuns.generate(MAIN, 60, 0.002, 5);
        FitProblem alone = FitProblem.ofPoints(main, "loss", FitParameter.defaultPins(), QUICK);
        FitProblem joint = alone.withDenseSources(List.of(other(SyntheticRuns.generate(OTHER, 30, 0.002, 6), Map.of())));
        assertNotEquals(alone.dataHash(), joint.dataHash());
        assertEquals(alone.dataHash(), alone.withDenseSources(List.of()).dataHash());
    }

    @Test
    void theJacobianOfAJoinedDataSetsRowsIsTheDerivativeOfTheirResiduals() {
        // central differences (step 1e-6 in the optimiser's coordinates) against the analytic Jacobian, on every row:
        // the fitted runs', a prior's and the joined data set's, whose rows depend on its own E, A_N, B_D columns
        List<FitPoint> main = SyntheticRuns.generate(MAIN, 12, 0.002, 21);
        List<FitPoint> joined = SyntheticRuns.generate(OTHER, 12, 0.002, 22);
        FitProblem problem = FitProblem.ofPoints(main, "loss", FitParameter.defaultPins(), QUICK)
                .withPriors(Map.of(FitParameter.D, new Prior(-0.07, 0.02)))
                .withDenseSources(List.of(other(joined, Map.of(FitParameter.B_D, new Prior(700, 0.5)))));
        Parameterization par = new Parameterization(problem.free(), problem.pinned(), problem.denseSources());
        HuberObjective f = new HuberObjective(par, new PointData(main), java.util.stream.IntStream.range(0, 12).toArray(),
                PriorPenalty.of(par, problem.priors(), problem.denseSources()), ElObservationRows.NONE,
                SourceRows.of(problem.denseSources()));
        double[] x = par.internal(Parameterization.natural(MAIN), new double[][] {{0.55, 150, 650}});
        assertEquals(7 + 3, x.length);
        assertEquals(12 + 1 + 1 + 12, f.size());
        double[] r = new double[f.size()];
        double[][] jac = new double[f.size()][x.length];
        f.residualsAndJacobian(x, r, jac);
        for (int j = 0; j < x.length; j++) {
            double[] up = x.clone();
            double[] down = x.clone();
            up[j] += 1e-6;
            down[j] -= 1e-6;
            double[] ru = new double[f.size()];
            double[] rd = new double[f.size()];
            f.residuals(up, ru);
            f.residuals(down, rd);
            for (int i = 0; i < f.size(); i++) {
                double numeric = (ru[i] - rd[i]) / 2e-6;
                assertEquals(numeric, jac[i][j], 1e-6 + 1e-5 * Math.abs(numeric), "row " + i + ", column " + j);
            }
        }
        // a joined run's row does not depend on the fitted data set's level (E, A_N, B_D: the first three columns)
        for (int i = 14; i < f.size(); i++) {
            assertEquals(0.0, jac[i][0]);
            assertEquals(0.0, jac[i][1]);
            assertEquals(0.0, jac[i][2]);
        }
    }
}
