package dev.moeadvisor.fit;

import dev.moeadvisor.law.DataRepetition;
import dev.moeadvisor.law.EfficiencyLeverageLaw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The grid of starting points, scaled to the data so that it suits any loss unit (nats, BPC). Each free
 * coefficient (or coupled pair) varies over three levels:
 * <ul>
 *   <li>{@code E} = {0.5, 0.75, 0.9} × the lowest observed value;</li>
 *   <li>{@code α}, {@code β} ∈ {0.15, 0.3, 0.5};</li>
 *   <li>{@code A_N}, {@code B_D} from the share s ∈ {¼, ½, ¾} of the reducible loss at the median point that the
 *       model term explains: {@code A_N = s·(L_med − E)·N_med^α}, {@code B_D = (1 − s)·(L_med − E)·D_med^β}, with
 *       {@code N_med} the median of {@code EL_Ling·N_active} and {@code D_med} of the effective tokens;</li>
 *   <li>{@code d} ∈ {2, 1, 0} × Ling's d, and {@code a} such that the EL exponent at the median compute is Ling's
 *       ± {−0.3, 0, 0.3};</li>
 *   <li>{@code γ, β_G} at Ling's value × {0.5, 1, 1.5}; {@code A_start, A_max} × {0.5, 1, 2}.</li>
 * </ul>
 * Pinned coefficients keep their pins. The centre (every middle level) is always the first start; the others are
 * a seeded sample without repeats from the 3^k grid (the whole grid when it is no larger than asked).
 */
final class StartGrid {

    private static final double[] E_FRACTION = {0.5, 0.75, 0.9};
    private static final double[] EXPONENT = {0.15, 0.3, 0.5};
    private static final double[] SHARE = {0.25, 0.5, 0.75};
    private static final double[] D_FACTOR = {2, 1, 0};
    private static final double[] EL_EXPONENT_OFFSET = {-0.3, 0, 0.3};
    private static final double[] LINEAR_FACTOR = {0.5, 1, 1.5};
    private static final double[] LOG_FACTOR = {0.5, 1, 2};

    private enum Axis { E, ALPHA, BETA, SHARE, D, A, GAMMA, BETA_G, A_START, A_MAX }

    private StartGrid() {
    }

    static List<double[]> starts(Parameterization par, Map<FitParameter, Double> pinned, PointData data, int size,
                                 SplittableRandom random) {
        return starts(par, pinned, data, size, random, List.of());
    }

    /**
     * The starts, each continued by every joined data set's own {@code E, A_N, B_D} ({@link DenseSource}) at the
     * middle levels, scaled to that data set's runs as the shared ones are to the fitted runs, at the start's α, β.
     */
    static List<double[]> starts(Parameterization par, Map<FitParameter, Double> pinned, PointData data, int size,
                                 SplittableRandom random, List<DenseSource> sources) {
        List<Medians> sourceMedians = sources.stream().map(x -> Medians.of(new PointData(x.points()))).toList();
        Set<FitParameter> free = Set.of(par.free());
        List<Axis> axes = new ArrayList<>();
        for (Axis axis : Axis.values()) {
            if (varies(axis, free)) {
                axes.add(axis);
            }
        }
        Medians medians = Medians.of(data);
        List<double[]> starts = new ArrayList<>();
        for (int[] levels : levelSets(axes.size(), size, random)) {
            double[] natural = new double[FitParameter.values().length];
            int[] level = new int[Axis.values().length];
            Arrays.fill(level, 1);
            for (int k = 0; k < axes.size(); k++) {
                level[axes.get(k).ordinal()] = levels[k];
            }
            fill(natural, level, pinned, medians);
            double[][] own = new double[sources.size()][];
            int[] middle = new int[Axis.values().length];
            Arrays.fill(middle, 1);
            middle[Axis.ALPHA.ordinal()] = level[Axis.ALPHA.ordinal()];
            middle[Axis.BETA.ordinal()] = level[Axis.BETA.ordinal()];
            for (int s = 0; s < sources.size(); s++) {
                double[] n = new double[FitParameter.values().length];
                Map<FitParameter, Double> sourcePins = new java.util.EnumMap<>(pinned);
                sourcePins.keySet().removeAll(DenseSource.OWN);
                sourcePins.putAll(sources.get(s).pinned());
                fill(n, middle, sourcePins, sourceMedians.get(s));
                own[s] = DenseSource.OWN.stream().mapToDouble(p -> n[p.ordinal()]).toArray();
            }
            starts.add(sources.isEmpty() ? par.internal(natural) : par.internal(natural, own));
        }
        return starts;
    }

    private static boolean varies(Axis axis, Set<FitParameter> free) {
        return switch (axis) {
            case E -> free.contains(FitParameter.E);
            case ALPHA -> free.contains(FitParameter.ALPHA);
            case BETA -> free.contains(FitParameter.BETA);
            case SHARE -> free.contains(FitParameter.A_N) || free.contains(FitParameter.B_D);
            case D -> free.contains(FitParameter.D);
            case A -> free.contains(FitParameter.A);
            case GAMMA -> free.contains(FitParameter.GAMMA);
            case BETA_G -> free.contains(FitParameter.BETA_G);
            case A_START -> free.contains(FitParameter.A_START);
            case A_MAX -> free.contains(FitParameter.A_MAX);
        };
    }

    /** The centre first, then distinct seeded samples of the 3^k level combinations. */
    private static List<int[]> levelSets(int k, int size, SplittableRandom random) {
        long total = 1;
        for (int i = 0; i < k && total <= Integer.MAX_VALUE; i++) {
            total *= 3;
        }
        Set<Long> codes = new LinkedHashSet<>();
        long centre = (total - 1) / 2;  // all ones in base 3
        codes.add(centre);
        if (total <= size) {
            for (long c = 0; c < total; c++) {
                codes.add(c);
            }
        } else {
            while (codes.size() < size) {
                codes.add(random.nextLong(total));
            }
        }
        List<int[]> sets = new ArrayList<>();
        for (long code : codes) {
            int[] levels = new int[k];
            long c = code;
            for (int i = 0; i < k; i++) {
                levels[i] = (int) (c % 3);
                c /= 3;
            }
            sets.add(levels);
        }
        return sets;
    }

    private static void fill(double[] n, int[] level, Map<FitParameter, Double> pinned, Medians m) {
        EfficiencyLeverageLaw ling = EfficiencyLeverageLaw.LING_2025;
        double e = pick(pinned, FitParameter.E, E_FRACTION[level[Axis.E.ordinal()]] * m.minObserved);
        double alpha = pick(pinned, FitParameter.ALPHA, EXPONENT[level[Axis.ALPHA.ordinal()]]);
        double beta = pick(pinned, FitParameter.BETA, EXPONENT[level[Axis.BETA.ordinal()]]);
        double reducible = m.medianObserved - e > 0 ? m.medianObserved - e : 0.1 * m.medianObserved;
        double share = SHARE[level[Axis.SHARE.ordinal()]];
        double aN = pick(pinned, FitParameter.A_N, share * reducible * Math.pow(m.effectiveParams, alpha));
        double bD = pick(pinned, FitParameter.B_D, (1 - share) * reducible * Math.pow(m.effectiveTokens, beta));
        double d = pick(pinned, FitParameter.D, D_FACTOR[level[Axis.D.ordinal()]] * ling.d());
        double lingExponent = ling.a() + ling.d() * m.log10Compute;
        double a = pick(pinned, FitParameter.A,
                lingExponent + EL_EXPONENT_OFFSET[level[Axis.A.ordinal()]] - d * m.log10Compute);
        n[FitParameter.E.ordinal()] = e;
        n[FitParameter.A_N.ordinal()] = aN;
        n[FitParameter.B_D.ordinal()] = bD;
        n[FitParameter.ALPHA.ordinal()] = alpha;
        n[FitParameter.BETA.ordinal()] = beta;
        n[FitParameter.A.ordinal()] = a;
        n[FitParameter.D.ordinal()] = d;
        n[FitParameter.GAMMA.ordinal()] = pick(pinned, FitParameter.GAMMA,
                LINEAR_FACTOR[level[Axis.GAMMA.ordinal()]] * ling.gamma());
        n[FitParameter.BETA_G.ordinal()] = pick(pinned, FitParameter.BETA_G,
                LINEAR_FACTOR[level[Axis.BETA_G.ordinal()]] * ling.beta());
        n[FitParameter.A_START.ordinal()] = pick(pinned, FitParameter.A_START,
                LOG_FACTOR[level[Axis.A_START.ordinal()]] * ling.aStart());
        n[FitParameter.A_MAX.ordinal()] = pick(pinned, FitParameter.A_MAX,
                LOG_FACTOR[level[Axis.A_MAX.ordinal()]] * ling.aMax());
    }

    private static double pick(Map<FitParameter, Double> pinned, FitParameter p, double otherwise) {
        Double v = pinned.get(p);
        return v != null ? v : otherwise;
    }

    /** Data scales for the grid. */
    private record Medians(double minObserved, double medianObserved, double effectiveParams, double effectiveTokens,
                           double log10Compute) {
        static Medians of(PointData data) {
            int n = data.size();
            double[] obs = data.observed.clone();
            double[] params = new double[n];
            double[] tokens = new double[n];
            double[] logC = new double[n];
            EfficiencyLeverageLaw ling = EfficiencyLeverageLaw.LING_2025;
            for (int i = 0; i < n; i++) {
                params[i] = ling.value(data.activationRatio[i], data.granularity[i], data.compute[i])
                        * data.activeParams[i];
                tokens[i] = DataRepetition.effectiveTokens(data.tokens[i], data.uniqueTokens[i]);
                logC[i] = Math.log10(data.compute[i]);
            }
            return new Medians(Arrays.stream(obs).min().orElseThrow(), median(obs), median(params), median(tokens),
                    median(logC));
        }

        private static double median(double[] v) {
            double[] s = v.clone();
            Arrays.sort(s);
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
        }
    }
}
