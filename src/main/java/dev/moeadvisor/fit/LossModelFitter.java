package dev.moeadvisor.fit;

import dev.moeadvisor.law.Citation;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import dev.moeadvisor.law.Range;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Fits the loss model (science.md §4) to a {@link FitProblem}:
 * <ol>
 *   <li>from each start of the seeded {@link StartGrid}, minimise the Huber objective ({@link HuberObjective})
 *       with the chosen {@link FitMethod}; keep the lowest converged optimum; none converged →
 *       {@link FitDidNotConvergeException};</li>
 *   <li>residuals, RMSE and max error of the optimum;</li>
 *   <li>leave-one-run-out: refit without each run (and any duplicate of its configuration,
 *       {@link ConfigurationGroups}), or without each of a seeded sample of those groups
 *       ({@link FitOptions#leaveOneOutSample()}), warm-started from the optimum, and predict it;</li>
 *   <li>held-out points ({@link FitProblem#heldOut()}): predicted by the optimum, never fitted;</li>
 *   <li>bootstrap: refit on resamples with replacement (each drawn from its own split of the seeded
 *       {@link SplittableRandom}), warm-started from the optimum; percentile intervals per free coefficient.</li>
 * </ol>
 * The same problem (data, pins, options with seed) gives the identical result. Stateless and thread-safe. What a
 * fit costs is {@link FitWork}; a {@link FitCancellation} stops it between local optimisations.
 */
public final class LossModelFitter {


    public FitResult fit(FitProblem problem) {
        return fit(problem, FitProgress.NONE);
    }

    public FitResult fit(FitProblem problem, FitProgress progress) {
        return fit(problem, progress, FitCancellation.NEVER);
    }

    /**
     * The fit, polling {@code cancellation} before every local optimisation.
     *
     * @throws FitCancelledException when it was cancelled before the end
     */
    public FitResult fit(FitProblem problem, FitProgress progress, FitCancellation cancellation) {
        FitOptions options = problem.options();
        PointData data = new PointData(problem.points());
        Parameterization par = new Parameterization(problem.free(), problem.pinned(), problem.denseSources());
        LocalOptimizer optimizer = LocalOptimizer.of(options.method());
        SplittableRandom root = new SplittableRandom(options.seed());
        SplittableRandom gridRandom = root.split();
        SplittableRandom bootstrapRandom = root.split();
        SplittableRandom looRandom = root.split();

        List<double[]> starts = StartGrid.starts(par, problem.pinned(), data, options.startGridSize(), gridRandom,
                problem.denseSources());
        int[] groups = problem.groups();
        int groupCount = groupCount(groups);
        int[] looGroups = leftOut(groupCount, FitWork.leaveOneOutRefits(options, groupCount), looRandom);
        List<SplittableRandom> resampleRandoms = new ArrayList<>();
        for (int b = 0; b < options.bootstrapResamples(); b++) {
            resampleRandoms.add(bootstrapRandom.split());
        }
        int sourceRefits = (int) problem.elObservations().stream().map(ElObservation::source).distinct().count()
                + problem.denseSources().size();
        try (LocalFitRunner runner = new LocalFitRunner(options.parallelism(), progress,
                starts.size() + looGroups.length + resampleRandoms.size() + sourceRefits, cancellation)) {
            return fit(problem, data, par, optimizer, starts, groups, looGroups, resampleRandoms, runner);
        }
    }

    private FitResult fit(FitProblem problem, PointData data, Parameterization par, LocalOptimizer optimizer,
                          List<double[]> starts, int[] groups, int[] looGroups, List<SplittableRandom> resampleRandoms,
                          LocalFitRunner runner) {
        FitOptions options = problem.options();
        int n = data.size();
        PriorPenalty priors = PriorPenalty.of(par, problem.priors(), problem.denseSources());
        ElObservationRows joined = new ElObservationRows(problem.elObservations());
        SourceRows own = SourceRows.of(problem.denseSources());
        HuberObjective full = new HuberObjective(par, data, range(n), priors, joined, own);
        List<LocalFit> fromStarts = runner.run(FitProgress.Stage.STARTS, starts.size(),
                s -> optimizer.minimize(full, starts.get(s), options.maxIterations()));
        LocalFit best = null;
        int converged = 0;
        for (LocalFit f : fromStarts) {
            if (f.converged()) {
                converged++;
                if (best == null || f.objective() < best.objective()) {
                    best = f;
                }
            }
        }
        if (best == null) {
            throw new FitDidNotConvergeException(starts.size(), "the optimiser hit its limit of "
                    + options.maxIterations() + " iterations or left the admissible region from every start");
        }
        MoeLossModel model = finalModel(par.natural(best.x()), problem);
        double[] optimum = best.x();

        // leave-one-run-out, a duplicate configuration's group held out whole (ConfigurationGroups); all groups or a
        // seeded sample of them
        List<LocalFit> looRefits = runner.run(FitProgress.Stage.LEAVE_ONE_OUT, looGroups.length,
                j -> optimizer.minimize(new HuberObjective(par, data, rangeWithoutGroup(groups, looGroups[j]), priors,
                                joined, own), optimum,
                        options.maxIterations()));
        double[] loo = new double[n];
        java.util.Arrays.fill(loo, Double.NaN);
        int looFailures = 0;
        int[] refitOfGroup = new int[groupCount(groups)];
        java.util.Arrays.fill(refitOfGroup, -1);
        for (int j = 0; j < looGroups.length; j++) {
            refitOfGroup[looGroups[j]] = j;
            LocalFit f = looRefits.get(j);
            looFailures += f.converged() ? 0 : 1;
        }
        for (int i = 0; i < n; i++) {
            int j = refitOfGroup[groups[i]];
            if (j >= 0) {
                LocalFit f = looRefits.get(j);
                loo[i] = f.converged() ? problem.points().get(i).predict(par.model(f.x())) : Double.NaN;
            }
        }

        List<LocalFit> resampleFits = runner.run(FitProgress.Stage.BOOTSTRAP, resampleRandoms.size(), b -> {
            SplittableRandom r = resampleRandoms.get(b);
            int[] sample = new int[n];
            for (int i = 0; i < n; i++) {
                sample[i] = r.nextInt(n);
            }
            return optimizer.minimize(new HuberObjective(par, data, sample, priors, joined, own.resample(r)), optimum,
                    options.maxIterations());
        });
        List<MoeLossModel> bootstrapModels = new ArrayList<>();
        List<double[]> bootstrapNatural = new ArrayList<>();
        List<double[]> bootstrapX = new ArrayList<>();
        for (LocalFit f : resampleFits) {
            if (f.converged()) {
                bootstrapX.add(f.x());
                double[] natural = par.natural(f.x());
                bootstrapNatural.add(natural);
                bootstrapModels.add(finalModel(natural, problem));
            }
        }

        List<ElCheck> elChecks = new ArrayList<>(leaveOneSourceOut(problem, data, par, optimizer, priors, optimum,
                model, runner, own));
        elChecks.addAll(leaveOneDenseSourceOut(problem, data, par, optimizer, priors, joined, own, optimum, model,
                runner));
        List<SourceFit> sourceFits = sourceFits(problem, par, own, optimum, bootstrapX);

        List<RunResidual> residuals = new ArrayList<>();
        double sumSquares = 0;
        double maxAbs = 0;
        double looSquares = 0;
        int looCount = 0;
        for (int i = 0; i < n; i++) {
            FitPoint p = problem.points().get(i);
            double predicted = p.predict(model);
            double residual = predicted - p.observed();
            sumSquares += residual * residual;
            maxAbs = Math.max(maxAbs, Math.abs(residual));
            double looPredicted = loo[i];
            if (!Double.isNaN(looPredicted)) {
                looSquares += (looPredicted - p.observed()) * (looPredicted - p.observed());
                looCount++;
            }
            residuals.add(new RunResidual(p.runId(), p.observed(), predicted, residual, looPredicted));
        }

        Map<String, Double> coefficients = new LinkedHashMap<>();
        for (FitParameter p : FitParameter.values()) {
            coefficients.put(p.label(), p.valueIn(model));
        }
        Map<String, Double> pinned = new LinkedHashMap<>();
        problem.pinned().forEach((p, v) -> pinned.put(p.label(), v));
        Map<String, Prior> priorsByName = new LinkedHashMap<>();
        problem.priors().forEach((p, v) -> priorsByName.put(p.label(), v));
        List<RunResidual> heldOut = new ArrayList<>();
        double heldSquares = 0;
        for (int h = 0; h < problem.heldOut().size(); h++) {
            FitPoint p = problem.heldOut().get(h);
            double predicted = p.predict(model);
            heldOut.add(new RunResidual(p.runId(), p.observed(), predicted, predicted - p.observed(), Double.NaN,
                    problem.heldOutGroups().get(h)));
            heldSquares += (predicted - p.observed()) * (predicted - p.observed());
        }
        return new FitResult(model, coefficients, pinned, problem.metric(), n, best.objective(),
                Math.sqrt(sumSquares / n), maxAbs, looCount > 0 ? Math.sqrt(looSquares / looCount) : Double.NaN,
                looFailures, residuals, best.iterations(), starts.size(), converged,
                intervals(par.free(), bootstrapNatural), bootstrapModels,
                options.bootstrapResamples() - bootstrapModels.size(), problem.dataHash(), options, priorsByName,
                heldOut, heldOut.isEmpty() ? Double.NaN : Math.sqrt(heldSquares / heldOut.size()), elChecks,
                FitEvidence.of(problem.points()), sourceFits);
    }

    /**
     * For a joint fit: each joined source's EL observations against the fit, and against a refit without that
     * source (warm-started from the optimum), which predicts them as it would if that source did not exist.
     */
    private static List<ElCheck> leaveOneSourceOut(FitProblem problem, PointData data, Parameterization par,
                                                   LocalOptimizer optimizer, PriorPenalty priors, double[] optimum,
                                                   MoeLossModel model, LocalFitRunner runner, SourceRows own) {
        List<ElObservation> all = problem.elObservations();
        List<String> sources = all.stream().map(ElObservation::source).distinct().toList();
        List<LocalFit> refits = runner.run(FitProgress.Stage.LEAVE_ONE_OUT, sources.size(), s -> optimizer.minimize(
                new HuberObjective(par, data, range(data.size()), priors, new ElObservationRows(all.stream()
                        .filter(o -> !o.source().equals(sources.get(s))).toList()), own),
                optimum, problem.options().maxIterations()));
        List<ElCheck> checks = new ArrayList<>();
        for (ElObservation o : all) {
            LocalFit without = refits.get(sources.indexOf(o.source()));
            double predicted = without.converged() ? par.model(without.x()).el().value(o.activationRatio(),
                    o.granularity(), o.computeFlops()) : Double.NaN;
            checks.add(new ElCheck(o.source(), o.runId(), o.activationRatio(), o.granularity(), o.computeFlops(),
                    o.leverage(), model.el().value(o.activationRatio(), o.granularity(), o.computeFlops()), predicted));
        }
        return checks;
    }

    /**
     * For each joined data set of its own loss level: a refit without its runs (its own columns, which nothing else
     * depends on, anchored where they were), warm-started from the optimum; each of its MoE runs then gives the EL
     * its loss implies under the joint fit's coefficients for that data set ({@link #impliedLeverage}), the joint
     * fit's EL there, and the EL the refit without it predicts (leave-one-source-out).
     */
    private static List<ElCheck> leaveOneDenseSourceOut(FitProblem problem, PointData data, Parameterization par,
                                                        LocalOptimizer optimizer, PriorPenalty priors,
                                                        ElObservationRows joined, SourceRows own, double[] optimum,
                                                        MoeLossModel model, LocalFitRunner runner) {
        List<DenseSource> sources = problem.denseSources();
        if (sources.isEmpty()) {
            return List.of();
        }
        List<LocalFit> refits = runner.run(FitProgress.Stage.LEAVE_ONE_OUT, sources.size(), s -> {
            int[] cols = java.util.stream.IntStream.range(0, DenseSource.OWN.size()).map(q -> par.sourceColumn(s, q))
                    .filter(c -> c >= 0).toArray();
            double[] at = java.util.Arrays.stream(cols).mapToDouble(c -> optimum[c]).toArray();
            return optimizer.minimize(new HuberObjective(par, data, range(data.size()), priors.anchored(cols, at),
                    joined, own.without(s)), optimum, problem.options().maxIterations());
        });
        List<ElCheck> checks = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            MoeLossModel sourceModel = par.sourceModel(optimum, s);
            LocalFit without = refits.get(s);
            for (FitPoint p : sources.get(s).points()) {
                if (!p.isMoe()) {
                    continue;
                }
                double predicted = without.converged() ? par.model(without.x()).el().value(p.activationRatio(),
                        p.granularity(), p.compute()) : Double.NaN;
                checks.add(new ElCheck(sources.get(s).id(), p.runId(), p.activationRatio(), p.granularity(),
                        p.compute(), impliedLeverage(sourceModel, p), model.el().value(p.activationRatio(),
                        p.granularity(), p.compute()), predicted));
            }
        }
        return checks;
    }

    /**
     * The EL an MoE run's loss implies under a dense law: the dense size {@code N_eq} that reaches its loss on its
     * (effective) tokens, {@code N_eq = (A_N/(L − E − B_D/D_eff^β))^(1/α)}, over its active parameters; NaN when
     * the loss lies at or below what any size reaches on those tokens.
     */
    static double impliedLeverage(MoeLossModel m, FitPoint p) {
        var dense = m.dense();
        double dEff = dev.moeadvisor.law.DataRepetition.effectiveTokens(p.tokens(), p.uniqueTokens());
        double rest = p.observed() - dense.e() - dense.bD() / Math.pow(dEff, dense.beta());
        return rest > 0 ? Math.pow(dense.aN() / rest, 1 / dense.alpha()) / p.activeParams() : Double.NaN;
    }

    /** Each joined data set's own coefficients at the optimum, their bootstrap intervals and its residuals. */
    private static List<SourceFit> sourceFits(FitProblem problem, Parameterization par, SourceRows own,
                                              double[] optimum, List<double[]> bootstrapX) {
        List<SourceFit> out = new ArrayList<>();
        for (int s = 0; s < problem.denseSources().size(); s++) {
            DenseSource d = problem.denseSources().get(s);
            MoeLossModel m = par.sourceModel(optimum, s);
            Map<String, Double> coefficients = new LinkedHashMap<>();
            Map<String, Interval> intervals = new LinkedHashMap<>();
            List<String> pinned = new ArrayList<>();
            for (int q = 0; q < DenseSource.OWN.size(); q++) {
                FitParameter p = DenseSource.OWN.get(q);
                coefficients.put(p.label(), p.valueIn(m));
                int c = par.sourceColumn(s, q);
                if (c < 0) {
                    pinned.add(p.label());
                } else if (!bootstrapX.isEmpty()) {
                    intervals.put(p.label(), Interval.ofBootstrap(bootstrapX.stream()
                            .mapToDouble(x -> p.toNatural(x[c])).toArray()));
                }
            }
            Map<String, Prior> priors = new LinkedHashMap<>();
            d.priors().forEach((p, v) -> priors.put(p.label(), v));
            List<RunResidual> residuals = new ArrayList<>();
            double squares = 0;
            for (FitPoint p : d.points()) {
                double predicted = p.predict(m);
                residuals.add(new RunResidual(p.runId(), p.observed(), predicted, predicted - p.observed(), Double.NaN));
                squares += (predicted - p.observed()) * (predicted - p.observed());
            }
            out.add(new SourceFit(d.id(), d.metric(), coefficients, pinned, priors, intervals, residuals,
                    Math.sqrt(squares / d.points().size())));
        }
        return out;
    }

    private static Map<String, Interval> intervals(FitParameter[] free, List<double[]> bootstrap) {
        Map<String, Interval> intervals = new LinkedHashMap<>();
        if (bootstrap.isEmpty()) {
            return intervals;
        }
        for (FitParameter p : free) {
            intervals.put(p.label(), Interval.ofBootstrap(bootstrap.stream().mapToDouble(v -> v[p.ordinal()]).toArray()));
        }
        return intervals;
    }

    /** The fitted model, labelled with the data it came from and the ranges of its MoE runs. */
    private static MoeLossModel finalModel(double[] natural, FitProblem problem) {
        String id = "fit-" + problem.dataHash().substring(0, 12);
        Citation citation = new Citation(id, "MoE Advisor fit", "Loss model fitted to " + problem.points().size()
                + " runs (" + problem.metric() + ")", "", "data sha256 " + problem.dataHash());
        return Parameterization.model(natural, id, problem.metric(), citation, moeRange(problem.points()));
    }

    private static EfficiencyLeverageLaw.ElRange moeRange(List<FitPoint> points) {
        List<FitPoint> moe = points.stream().filter(FitPoint::isMoe).toList();
        if (moe.isEmpty()) {
            return new EfficiencyLeverageLaw.ElRange(Range.ANY, Range.ANY, Range.ANY);
        }
        return new EfficiencyLeverageLaw.ElRange(span(moe, FitPoint::compute), span(moe, FitPoint::activationRatio),
                span(moe, FitPoint::granularity));
    }

    private static Range span(List<FitPoint> points, ToDoubleFunction<FitPoint> f) {
        return new Range(points.stream().mapToDouble(f).min().orElseThrow(),
                points.stream().mapToDouble(f).max().orElseThrow());
    }

    /**
     * The runs left out in turn: all {@code n} in order when {@code k == n}, else {@code k} of them drawn without
     * replacement (a seeded partial Fisher–Yates shuffle), in increasing order.
     */
    private static int[] leftOut(int n, int k, SplittableRandom random) {
        int[] all = range(n);
        if (k >= n) {
            return all;
        }
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(all, k);
        java.util.Arrays.sort(chosen);
        return chosen;
    }

    private static int[] range(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    private static int groupCount(int[] groups) {
        int max = -1;
        for (int g : groups) {
            max = Math.max(max, g);
        }
        return max + 1;
    }

    /** The indices of every point outside group {@code left}. */
    private static int[] rangeWithoutGroup(int[] groups, int left) {
        return java.util.stream.IntStream.range(0, groups.length).filter(i -> groups[i] != left).toArray();
    }
}
