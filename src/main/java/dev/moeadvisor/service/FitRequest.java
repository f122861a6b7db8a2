package dev.moeadvisor.service;

import java.util.List;
import java.util.Map;

/**
 * What to fit: a data set's runs of one metric, optionally filtered, with coefficients pinned to given values.
 *
 * @param dataset   the data set's id
 * @param metric    the metric to fit (one per fit: units never mix)
 * @param filter    which runs (null: all runs of the metric)
 * @param pinned    coefficient name → value; names {@code E, A_N, B_D, alpha, beta, a, d, gamma, betaG, aStart,
 *                  aMax}; unnamed ones take the default (γ, β_G, A_start, A_max pinned at Ling's values)
 * @param seed      seed of the start grid and bootstrap (null: the configured default)
 * @param bootstrap bootstrap resamples (null: the configured default)
 * @param priors    coefficient name → Gaussian prior (mean as the coefficient's value, sd on the fit's scale: the
 *                  log for {@code E, A_N, B_D, aStart, aMax}); overrides the set's prior of the same coefficient
 * @param priorSet  a shipped prior set's id ({@code dev.moeadvisor.fit.PriorSet}), or null
 * @param joint     data sets joined to the fit (a joint fit): their matched MoE-vs-dense pairs enter as EL
 *                  observations sharing the EL coefficients; their loss units never mix with this data set's
 * @param looMode   leave-one-out: {@code full} (refit without every run), {@code subsample} (without a seeded sample
 *                  of {@code advisor.fit.loo-sample} runs), {@code none}; null: full up to
 *                  {@code advisor.fit.loo-full-max-runs} runs, subsample above ({@link FitAdmission})
 * @param sources   data sets joined with their own loss level ({@code dev.moeadvisor.fit.DenseSource}): their runs
 *                  enter as runs with their own E, A_N, B_D and the shared α, β and EL coefficients
 */
public record FitRequest(String dataset, String metric, RunFilter filter, Map<String, Double> pinned, Long seed,
                         Integer bootstrap, Map<String, PriorSpec> priors, String priorSet, List<String> joint,
                         String looMode,
                         @com.fasterxml.jackson.annotation.JsonInclude(
                                 com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                         List<SourceSpec> sources) {

    /** A prior as asked for (checked by the service: finite mean, positive finite sd). */
    public record PriorSpec(Double mean, Double sd) {}

    /**
     * A data set joined with its own dense coefficients.
     *
     * @param dataset its id
     * @param metric  its metric (its unit)
     * @param runIds  which of its runs (null or empty: all of the metric with a token count)
     * @param pinned  its own coefficients pinned ({@code E}, {@code A_N}, {@code B_D})
     * @param priors  priors on its own coefficients (mean as the value, sd on the log)
     */
    public record SourceSpec(String dataset, String metric, List<String> runIds, Map<String, Double> pinned,
                             Map<String, PriorSpec> priors) {
        public SourceSpec {
            runIds = runIds == null ? List.of() : List.copyOf(runIds);
            pinned = pinned == null ? Map.of() : Map.copyOf(new java.util.TreeMap<>(pinned));
            priors = priors == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(priors));
        }
    }

    /** A request of every field but the joined data sets of their own level. */
    public FitRequest(String dataset, String metric, RunFilter filter, Map<String, Double> pinned, Long seed,
                      Integer bootstrap, Map<String, PriorSpec> priors, String priorSet, List<String> joint,
                      String looMode) {
        this(dataset, metric, filter, pinned, seed, bootstrap, priors, priorSet, joint, looMode, null);
    }

    /** A request without priors, the leave-one-out mode chosen by the run count. */
    public FitRequest(String dataset, String metric, RunFilter filter, Map<String, Double> pinned, Long seed,
                      Integer bootstrap) {
        this(dataset, metric, filter, pinned, seed, bootstrap, null, null, null, null);
    }

    /** A request of one data set (no joined sources). */
    public FitRequest(String dataset, String metric, RunFilter filter, Map<String, Double> pinned, Long seed,
                      Integer bootstrap, Map<String, PriorSpec> priors, String priorSet) {
        this(dataset, metric, filter, pinned, seed, bootstrap, priors, priorSet, null, null);
    }

    /**
     * Which runs of the data set to fit; null or empty lists select all.
     *
     * @param tables the source table numbers
     * @param kinds  {@code moe}, {@code dense}
     * @param runIds explicit run ids
     */
    public record RunFilter(List<Integer> tables, List<String> kinds, List<String> runIds) {
        public RunFilter {
            tables = tables == null ? List.of() : List.copyOf(tables);
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
            runIds = runIds == null ? List.of() : List.copyOf(runIds);
        }

        public static final RunFilter ALL = new RunFilter(null, null, null);
    }

    /** A request with priors and joined data sets, the leave-one-out mode chosen by the run count. */
    public FitRequest(String dataset, String metric, RunFilter filter, Map<String, Double> pinned, Long seed,
                      Integer bootstrap, Map<String, PriorSpec> priors, String priorSet, List<String> joint) {
        this(dataset, metric, filter, pinned, seed, bootstrap, priors, priorSet, joint, null);
    }

    /** A request without priors, with a leave-one-out mode. */
    public FitRequest(String dataset, String metric, RunFilter filter, Map<String, Double> pinned, Long seed,
                      Integer bootstrap, String looMode) {
        this(dataset, metric, filter, pinned, seed, bootstrap, null, null, null, looMode);
    }

    public FitRequest {
        filter = filter == null ? RunFilter.ALL : filter;
        pinned = pinned == null ? Map.of() : Map.copyOf(new java.util.TreeMap<>(pinned));
        priors = priors == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(priors));
        priorSet = priorSet == null || priorSet.isBlank() ? null : priorSet;
        joint = joint == null ? List.of() : List.copyOf(joint);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
