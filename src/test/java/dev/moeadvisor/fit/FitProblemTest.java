package dev.moeadvisor.fit;

import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import dev.moeadvisor.runs.BundledRuns;
import dev.moeadvisor.runs.TrainingRun;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Posing a fit: pins, refusals, the data hash, progress and the no-convergence error. */
class FitProblemTest {

    private static final List<TrainingRun> BUNDLED = BundledRuns.equalResources2025();
    private static final List<TrainingRun> UNIQUE_DATA = BUNDLED.stream()
            .filter(r -> r.table() >= 9 && r.table() <= 13).toList();
    private static final FitOptions QUICK = FitOptions.defaults().withBootstrapResamples(0).withLeaveOneOut(false)
            .withStartGridSize(4);

    @Test
    void defaultsFreeTheSevenAndPinLingsShapeCoefficients() {
        FitProblem p = FitProblem.of(UNIQUE_DATA, QUICK);
        assertEquals(FitParameter.defaultFree(), p.free());
        assertEquals(FitParameter.defaultPins(), p.pinned());
    }

    @Test
    void anyCoefficientCanBePinnedByName() {
        FitResult r = new LossModelFitter().fit(FitProblem.of(UNIQUE_DATA, Map.of("beta", 0.3, "d", 0.0), QUICK));
        assertEquals(0.3, r.coefficient("beta"));
        assertEquals(0.0, r.coefficient("d"));
        assertEquals(0.3, r.pinned().get("beta"));
        assertFalse(r.intervals().containsKey("beta"));
    }

    @Test
    void unknownOrInadmissiblePinsAreRefused() {
        assertThrows(InvalidFitProblemException.class, () -> FitProblem.of(UNIQUE_DATA, Map.of("zeta", 1.0), QUICK));
        assertThrows(InvalidFitProblemException.class, () -> FitProblem.of(UNIQUE_DATA, Map.of("E", -1.0), QUICK));
    }

    @Test
    void mixedMetricsAndRunsWithoutTokensAreRefused() {
        List<TrainingRun> mixed = BUNDLED.stream().filter(r -> r.hasTokens() || r.table() == 5).toList();
        assertThrows(InvalidFitProblemException.class, () -> FitProblem.of(mixed, QUICK));
        List<TrainingRun> noTokens = BUNDLED.stream().filter(r -> r.metric().equals("train_loss")).toList();
        InvalidFitProblemException e = assertThrows(InvalidFitProblemException.class,
                () -> FitProblem.of(noTokens, QUICK));
        assertTrue(e.getMessage().contains("er-t5-1"), e.getMessage());
    }

    @Test
    void tooFewRunsForTheFreeCoefficientsAreRefused() {
        assertThrows(InvalidFitProblemException.class, () -> FitProblem.of(UNIQUE_DATA.subList(0, 7), QUICK));
    }

    @Test
    void denseOnlyDataPinsTheLeverageIntercepts() {
        MoeLossModel truth = new MoeLossModel(DenseLossLaw.CHINCHILLA, EfficiencyLeverageLaw.LING_2025);
        List<FitPoint> dense = new ArrayList<>();
        for (FitPoint p : SyntheticRuns.generate(truth, 200, 0.001, 3)) {
            if (!p.isMoe()) {
                dense.add(p);
            }
        }
        FitProblem problem = FitProblem.ofPoints(dense, "loss", FitParameter.defaultPins(), QUICK);
        assertEquals(EfficiencyLeverageLaw.LING_2025.a(), problem.pinned().get(FitParameter.A));
        assertEquals(EfficiencyLeverageLaw.LING_2025.d(), problem.pinned().get(FitParameter.D));
        FitResult r = new LossModelFitter().fit(problem);
        assertEquals(0.34, r.coefficient("alpha"), 0.03);
        assertEquals(0.28, r.coefficient("beta"), 0.03);
    }

    @Test
    void dataHashIdentifiesTheData() {
        String h = FitProblem.of(UNIQUE_DATA, QUICK).dataHash();
        assertEquals(64, h.length());
        assertEquals(h, FitProblem.of(UNIQUE_DATA, QUICK.withSeed(1)).dataHash());
        assertNotEquals(h, FitProblem.of(UNIQUE_DATA.subList(1, 50), QUICK).dataHash());
    }

    @Test
    void noConvergenceIsAnErrorNotADefault() {
        FitDidNotConvergeException e = assertThrows(FitDidNotConvergeException.class,
                () -> new LossModelFitter().fit(FitProblem.of(UNIQUE_DATA, QUICK.withMaxIterations(1))));
        assertEquals(4, e.startsTried());
    }

    @Test
    void theFiveDuplicateConfigurationsOfTables9To12AreGroupedAndNothingElse() {
        FitProblem p = FitProblem.of(UNIQUE_DATA, QUICK);
        int[] groups = p.groups();
        java.util.Map<Integer, List<String>> byGroup = new java.util.TreeMap<>();
        for (int i = 0; i < groups.length; i++) {
            byGroup.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(p.points().get(i).runId());
        }
        List<List<String>> pairs = byGroup.values().stream().filter(l -> l.size() > 1).toList();
        // arXiv 2506.12119 v2 prints these configurations twice (Table 9 / 10, Table 11 / 12); data/README.md
        assertEquals(List.of(List.of("er-t9-4", "er-t10-1"), List.of("er-t9-9", "er-t10-2"),
                List.of("er-t9-14", "er-t10-6"), List.of("er-t9-16", "er-t10-9"), List.of("er-t11-6", "er-t12-8")),
                pairs);
        assertEquals(45, byGroup.size());
    }

    @Test
    void progressReachesOneAcrossAllPhases() {
        List<Double> overall = new ArrayList<>();
        List<FitProgress.Stage> stages = new ArrayList<>();
        FitOptions options = QUICK.withBootstrapResamples(5).withLeaveOneOut(true);
        new LossModelFitter().fit(FitProblem.of(UNIQUE_DATA, options), (stage, done, total, fraction) -> {
            overall.add(fraction);
            stages.add(stage);
        });
        // 4 starts, 45 leave-one-run-out refits (50 runs, five configurations printed twice: 45 groups), 5 resamples
        assertEquals(4 + 45 + 5, overall.size());
        assertEquals(1.0, overall.get(overall.size() - 1), 1e-12);
        assertEquals(FitProgress.Stage.STARTS, stages.get(0));
        assertEquals(FitProgress.Stage.BOOTSTRAP, stages.get(stages.size() - 1));
    }

    @Test
    void threadsDoNotChangeTheResult() {
        FitOptions options = QUICK.withBootstrapResamples(10).withLeaveOneOut(true);
        FitResult one = new LossModelFitter().fit(FitProblem.of(UNIQUE_DATA, options));
        FitResult two = new LossModelFitter().fit(FitProblem.of(UNIQUE_DATA, options.withParallelism(2)));
        assertEquals(one.coefficients(), two.coefficients());
        assertEquals(one.residuals(), two.residuals());
        assertEquals(one.intervals(), two.intervals());
        assertEquals(one.bootstrapModels(), two.bootstrapModels());
    }
}
