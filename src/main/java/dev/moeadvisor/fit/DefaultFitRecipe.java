package dev.moeadvisor.fit;

import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.Range;
import dev.moeadvisor.runs.BundledRuns;
import dev.moeadvisor.runs.TrainingRun;

import java.util.List;

/**
 * What the default model is fitted on, in one place (the service's default request and the tests build the same
 * problem from it):
 * <ul>
 *   <li>runs: arXiv 2506.12119 Tables 9–13 (unique data, validation BPC) inside the model's domain
 *       ({@link #inDomain}): the dense runs and the MoE runs with top-k ≥ 2 and Ling's granularity range — 41 of the
 *       50;</li>
 *   <li>priors: {@link PriorSet#LING_EL_EPOCH_EXPONENTS} (Ling's a, d; Epoch's α, β);</li>
 *   <li>joined: Ling's matched pair (arXiv 2507.17702 Table 3) as an {@link ElObservation};</li>
 *   <li>held out, predicted and never fitted: every other {@code val_bpc} run with a token count — the reuse
 *       Tables 14–17 (30 runs) and the 9 runs of Tables 9–13 outside the domain.</li>
 * </ul>
 *
 * <p><b>Why a domain.</b> The EL law (Ling, Eq. 13) has no term for the routing itself. Two kinds of [ER] runs lie
 * where it says nothing: top-1 routing, which [ER] Table 7 finds consistently worse than k ≥ 2 at equal activation
 * (7 runs: E 89 or 83, k = 1), and coarse experts below Ling's fitted G range [2, 16] (E = 8 with
 * {@code d_expert ≈ 2.5·d_model}, G ≈ 0.8–1.0: 3 runs, one of them also top-1). Fitted, the top-1 runs are the
 * largest residuals (the model, blind to k, predicts them 0.01 BPC better than they are) and they pull the whole EL
 * law down: the fit on all 50 puts EL at Ling-mini-beta at 3.1 against the pair's 7.2. The planner never builds such
 * shapes by default (k ≥ 2 and 2 ≤ G ≤ 16 are its evidence bounds), so the model it ranks with is fitted on the same
 * domain; the excluded runs stay in the held-out test. Chosen by held-out error among the variants the README
 * compares (leave-one-run-out, the reuse tables, leave-one-source-out on the joined pair).
 */
public final class DefaultFitRecipe {

    public static final List<Integer> TABLES = List.of(9, 10, 11, 12, 13);
    public static final String METRIC = "val_bpc";
    public static final PriorSet PRIORS = PriorSet.LING_EL_EPOCH_EXPONENTS;
    public static final String JOINED = "ling-2025-table3";
    /** Fewest routed experts per token in the domain: arXiv 2506.12119 Table 7 (top-1 consistently worse). */
    public static final int MIN_TOP_K = 2;
    /** Ling's fitted granularity range (arXiv 2507.17702 §5): G in [2, 16]. */
    public static final Range GRANULARITY = EfficiencyLeverageLaw.LING_2025.range().granularity();

    private DefaultFitRecipe() {
    }

    /** Inside the default model's domain: a dense run, or an MoE run with top-k ≥ 2 and G within [2, 16]. */
    public static boolean inDomain(TrainingRun run) {
        return !run.isMoe() || (run.topK() != null && run.topK() >= MIN_TOP_K
                && run.granularity() >= GRANULARITY.min() && run.granularity() <= GRANULARITY.max());
    }

    /** The runs the default model is fitted on, from the bundled file. */
    public static List<TrainingRun> fittedRuns() {
        return BundledRuns.equalResources2025().stream().filter(r -> r.metric().equals(METRIC))
                .filter(r -> r.table() != null && TABLES.contains(r.table())).filter(DefaultFitRecipe::inDomain)
                .toList();
    }

    /** Their ids, in file order (the service's default request filters by them). */
    public static List<String> fittedRunIds() {
        return fittedRuns().stream().map(TrainingRun::runId).toList();
    }

    /** The default problem from the bundled files, with these options. */
    public static FitProblem problem(FitOptions options) {
        List<TrainingRun> fitted = fittedRuns();
        List<String> ids = fittedRunIds();
        List<TrainingRun> heldOut = BundledRuns.equalResources2025().stream()
                .filter(r -> r.metric().equals(METRIC) && r.hasTokens() && !ids.contains(r.runId())).toList();
        return FitProblem.of(fitted, options).withPriors(PRIORS.priors()).withHeldOutRuns(heldOut)
                .withElObservations(ElObservation.fromMatchedPairs(JOINED,
                        BundledRuns.read(BundledRuns.LING_2025_TABLE3)));
    }
}
