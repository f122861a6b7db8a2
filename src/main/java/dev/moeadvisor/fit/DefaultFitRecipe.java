package dev.moeadvisor.fit;

import dev.moeadvisor.runs.BundledRuns;
import dev.moeadvisor.runs.TrainingRun;

import java.util.List;

/**
 * What the default model is fitted on, in one place (the service's default request and the tests build the same
 * problem from it):
 * <ul>
 *   <li>runs: arXiv 2506.12119 Tables 9–13 (50 unique-data runs, validation BPC), default free set;</li>
 *   <li>priors: {@link PriorSet#LING_EL_EPOCH_EXPONENTS} (Ling's a, d; Epoch's α, β);</li>
 *   <li>joined: Ling's matched pair (arXiv 2507.17702 Table 3) as an {@link ElObservation};</li>
 *   <li>held out: Tables 14–17 (data reuse), predicted, never fitted.</li>
 * </ul>
 * Chosen by held-out error among the variants the README compares (leave-one-run-out on Tables 9–13, the reuse
 * tables, leave-one-source-out on the joined pair).
 */
public final class DefaultFitRecipe {

    public static final List<Integer> TABLES = List.of(9, 10, 11, 12, 13);
    public static final String METRIC = "val_bpc";
    public static final PriorSet PRIORS = PriorSet.LING_EL_EPOCH_EXPONENTS;
    public static final String JOINED = "ling-2025-table3";

    private DefaultFitRecipe() {
    }

    /** The default problem from the bundled files, with these options. */
    public static FitProblem problem(FitOptions options) {
        List<TrainingRun> bpc = BundledRuns.equalResources2025().stream().filter(r -> r.metric().equals(METRIC))
                .toList();
        List<TrainingRun> fitted = bpc.stream().filter(r -> TABLES.contains(r.table())).toList();
        List<TrainingRun> reuse = bpc.stream().filter(r -> !TABLES.contains(r.table()) && r.hasTokens()).toList();
        return FitProblem.of(fitted, options).withPriors(PRIORS.priors()).withHeldOutRuns(reuse)
                .withElObservations(ElObservation.fromMatchedPairs(JOINED,
                        BundledRuns.read(BundledRuns.LING_2025_TABLE3)));
    }
}
