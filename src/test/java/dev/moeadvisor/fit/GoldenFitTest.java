package dev.moeadvisor.fit;

import dev.moeadvisor.runs.BundledRuns;
import dev.moeadvisor.runs.TrainingRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loss model fitted to real runs: arXiv 2506.12119 v2, Tables 9–13 (unique data, validation BPC; 44 MoE and 6
 * dense runs), default free set ({@code E, A_N, B_D, α, β, a, d}), default options (32 starts, 200 bootstrap
 * resamples, leave-one-out).
 */
class GoldenFitTest {

    private static List<TrainingRun> runs;
    private static FitResult result;

    @BeforeAll
    static void fit() {
        runs = BundledRuns.equalResources2025().stream()
                .filter(r -> r.table() >= 9 && r.table() <= 13).toList();
        long start = System.nanoTime();
        result = new LossModelFitter().fit(FitProblem.of(runs, FitOptions.defaults()));
        System.out.printf("golden fit (%d runs, %d starts, %d bootstrap, LOO) in %.2f s%n", result.runCount(),
                result.startsTried(), result.options().bootstrapResamples(), (System.nanoTime() - start) / 1e9);
        System.out.println("coefficients: " + result.coefficients());
        System.out.printf("objective %.6g, RMSE %.5f BPC, max |error| %.5f BPC, LOO RMSE %.5f BPC%n",
                result.objective(), result.rmse(), result.maxAbsError(), result.leaveOneOutRmse());
        System.out.println("bootstrap 95% intervals: " + result.intervals() + ", failures " + result.bootstrapFailures());
    }

    @Test
    void fitsTheFiftyUniqueDataRuns() {
        assertEquals(50, result.runCount());
        assertEquals("val_bpc", result.metric());
        assertEquals(50, result.residuals().size());
        assertTrue(result.startsConverged() >= 1);
        assertEquals(List.of("gamma", "betaG", "aStart", "aMax"), List.copyOf(result.pinned().keySet()));
    }

    @Test
    void leaveOneOutRmseIsWithinSixThousandthsOfABit() {
        assertEquals(0, result.leaveOneOutFailures());
        assertTrue(result.leaveOneOutRmse() <= 0.006, "LOO RMSE " + result.leaveOneOutRmse());
        // LOO error cannot be below the in-sample error by much: a sanity check on the refits.
        assertTrue(result.leaveOneOutRmse() >= result.rmse());
    }

    @Test
    void diagnosticsAreConsistentWithTheResiduals() {
        double squares = 0;
        double max = 0;
        for (RunResidual r : result.residuals()) {
            assertEquals(r.predicted() - r.observed(), r.residual(), 1e-15);
            squares += r.residual() * r.residual();
            max = Math.max(max, Math.abs(r.residual()));
        }
        assertEquals(Math.sqrt(squares / 50), result.rmse(), 1e-15);
        assertEquals(max, result.maxAbsError(), 0);
        FitPoint first = FitPoint.of(runs.get(0));
        assertEquals(first.predict(result.model()), result.residuals().get(0).predicted(), 0);
    }

    @Test
    void bootstrapGivesIntervalsAroundTheEstimateForEveryFreeCoefficient() {
        assertEquals(List.of("E", "A_N", "B_D", "alpha", "beta", "a", "d"), List.copyOf(result.intervals().keySet()));
        assertTrue(result.bootstrapModels().size() >= 190, "converged resamples " + result.bootstrapModels().size());
        assertEquals(200, result.bootstrapModels().size() + result.bootstrapFailures());
        result.intervals().forEach((name, interval) ->
                assertTrue(interval.contains(result.coefficient(name)), name + " " + interval));
    }

    @Test
    void sameSeedGivesTheIdenticalResult() {
        FitOptions quick = FitOptions.defaults().withBootstrapResamples(20);
        FitResult a = new LossModelFitter().fit(FitProblem.of(runs, quick));
        FitResult b = new LossModelFitter().fit(FitProblem.of(runs, quick));
        assertEquals(a, b);
        assertEquals(result.dataHash(), a.dataHash());
        assertEquals(result.coefficients(), a.coefficients());
    }
}
