package dev.moeadvisor.fit;

import dev.moeadvisor.runs.BundledRuns;
import dev.moeadvisor.runs.TrainingRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The work estimate of a fit, leave-one-out over a seeded sample of runs, and cancellation between optimisations. */
class FitCostAndCancellationTest {

    /** Tables 9–13 of arXiv 2506.12119 v2: the 50 unique-data runs of the golden fit. */
    private static final List<TrainingRun> RUNS = BundledRuns.equalResources2025().stream()
            .filter(r -> r.table() >= 9 && r.table() <= 13).toList();
    private static final FitOptions QUICK = FitOptions.defaults().withBootstrapResamples(0).withStartGridSize(4);

    @Test
    void workIsRunsTimesStartsPlusResamplesPlusLeaveOneOutRefits() {
        FitOptions defaults = FitOptions.defaults();
        // The default fit: 50 × (32 starts + 200 resamples + 50 LOO refits) = 50 × 282 = 14,100.
        assertEquals(14_100, FitWork.of(defaults, 50));
        // 10,000 runs, 2,000 resamples, full LOO: 10⁴ × (32 + 2,000 + 10⁴) = 120,320,000.
        assertEquals(120_320_000L, FitWork.of(defaults.withBootstrapResamples(2000), 10_000));
        // The same with LOO over a sample of 100 runs: 10⁴ × (32 + 2,000 + 100) = 21,320,000; without LOO 20,320,000.
        assertEquals(21_320_000L, FitWork.of(defaults.withBootstrapResamples(2000).withLeaveOneOutSample(100), 10_000));
        assertEquals(20_320_000L, FitWork.of(defaults.withBootstrapResamples(2000).withLeaveOneOut(false), 10_000));
        // A sample larger than the data leaves every run out once.
        assertEquals(50, FitWork.leaveOneOutRefits(defaults.withLeaveOneOutSample(500), 50));
    }

    @Test
    void leaveOneOutOverASampleRefitsThatManyRunsAndAFullSampleEqualsFullLeaveOneOut() {
        FitResult full = new LossModelFitter().fit(FitProblem.of(RUNS, QUICK));
        FitResult sampled = new LossModelFitter().fit(FitProblem.of(RUNS, QUICK.withLeaveOneOutSample(10)));
        long heldOut = sampled.residuals().stream().filter(r -> !Double.isNaN(r.looPredicted())).count();
        assertEquals(10 - sampled.leaveOneOutFailures(), heldOut);
        // The sampled runs' held-out predictions are those of the full leave-one-out (same warm start, same data).
        for (int i = 0; i < RUNS.size(); i++) {
            double s = sampled.residuals().get(i).looPredicted();
            if (!Double.isNaN(s)) {
                assertEquals(full.residuals().get(i).looPredicted(), s, 0.0);
            }
        }
        // The same coefficients: leave-one-out does not touch the optimum.
        assertEquals(full.coefficients(), sampled.coefficients());
        FitResult everyRun = new LossModelFitter().fit(FitProblem.of(RUNS, QUICK.withLeaveOneOutSample(50)));
        assertEquals(full.leaveOneOutRmse(), everyRun.leaveOneOutRmse(), 0.0);
        FitResult none = new LossModelFitter().fit(FitProblem.of(RUNS, QUICK.withLeaveOneOut(false)));
        assertTrue(Double.isNaN(none.leaveOneOutRmse()));
    }

    @Test
    void aCancelledFitStopsBeforeTheNextLocalOptimisation() {
        AtomicInteger done = new AtomicInteger();
        // Cancel once 3 local optimisations have reported; the fit has 4 starts + 45 LOO refits (50 runs, five
        // duplicate configurations held out with their twins) + 20 resamples.
        FitProblem problem = FitProblem.of(RUNS, QUICK.withBootstrapResamples(20));
        FitCancelledException e = assertThrows(FitCancelledException.class, () -> new LossModelFitter().fit(problem,
                (stage, d, total, overall) -> done.incrementAndGet(), () -> done.get() >= 3));
        assertEquals(3, done.get(), "no optimisation starts after the cancellation");
        assertTrue(e.getMessage().contains("after 3 of 69 local optimisations"), e.getMessage());
    }
}
