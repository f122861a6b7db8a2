package dev.moeadvisor.plan;

import dev.moeadvisor.fit.FitOptions;
import dev.moeadvisor.fit.FitProblem;
import dev.moeadvisor.fit.FitResult;
import dev.moeadvisor.fit.LossModelFitter;
import dev.moeadvisor.runs.BundledRuns;
import dev.moeadvisor.runs.TrainingRun;

import java.util.List;
import java.util.Map;

/**
 * Fits of the bundled runs as the app's default fit makes them ([ER] arXiv 2506.12119 Tables 9–13, {@code val_bpc},
 * default options: 32 starts, seed 20250612), optionally with pins.
 */
final class BundledFits {

    /** Ling's printed d (arXiv 2507.17702, Table 2). */
    static final double LING_D = -0.0761;

    private BundledFits() {
    }

    static List<TrainingRun> runs() {
        return BundledRuns.equalResources2025().stream().filter(r -> r.table() >= 9 && r.table() <= 13).toList();
    }

    /** The default fit's problem with {@code bootstrap} resamples, no leave-one-out. */
    static FitResult fit(Map<String, Double> pins, int bootstrap) {
        return new LossModelFitter().fit(FitProblem.of(runs(), pins,
                FitOptions.defaults().withBootstrapResamples(bootstrap).withLeaveOneOut(false)));
    }
}
