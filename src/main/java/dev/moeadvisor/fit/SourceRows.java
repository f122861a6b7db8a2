package dev.moeadvisor.fit;

import dev.moeadvisor.law.MoeLossModel;

import java.util.ArrayList;
import java.util.List;

/**
 * The joined data sets' own runs in the objective ({@link DenseSource}): one Huber-weighted row per sampled run,
 * {@code r = log L_pred − log L_obs} with {@code L_pred} from the shared coefficients and that data set's own
 * {@code E, A_N, B_D} ({@link Parameterization#sourceModel}). A run's row depends on its own source's columns and
 * the shared non-level columns (α, β, EL), never on another data set's level.
 */
final class SourceRows {

    static final SourceRows NONE = new SourceRows(new PointData(List.of()), new int[0], new int[0], 0);

    /** All sources' points, source after source. */
    final PointData data;
    /** Per point, its source (index into the problem's sources). */
    final int[] sourceOf;
    /** The sampled points (indices into {@link #data}; repeats for a bootstrap resample). */
    private final int[] sample;
    private final int sources;

    private SourceRows(PointData data, int[] sourceOf, int[] sample, int sources) {
        this.data = data;
        this.sourceOf = sourceOf;
        this.sample = sample;
        this.sources = sources;
    }

    static SourceRows of(List<DenseSource> sources) {
        List<FitPoint> all = new ArrayList<>();
        List<Integer> of = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            for (FitPoint p : sources.get(s).points()) {
                all.add(p);
                of.add(s);
            }
        }
        int[] sourceOf = of.stream().mapToInt(Integer::intValue).toArray();
        int[] sample = java.util.stream.IntStream.range(0, all.size()).toArray();
        return new SourceRows(new PointData(all), sourceOf, sample, sources.size());
    }

    /** The same rows without source {@code s} (leave-one-source-out). */
    SourceRows without(int s) {
        return new SourceRows(data, sourceOf, java.util.Arrays.stream(sample).filter(i -> sourceOf[i] != s).toArray(),
                sources);
    }

    /** A bootstrap resample: each source's runs drawn with replacement among its own. */
    SourceRows resample(java.util.SplittableRandom random) {
        int[] out = new int[sample.length];
        int k = 0;
        for (int s = 0; s < sources; s++) {
            final int source = s;
            int[] own = java.util.stream.IntStream.range(0, sourceOf.length).filter(i -> sourceOf[i] == source)
                    .toArray();
            for (int i = 0; i < own.length; i++) {
                out[k++] = own[random.nextInt(own.length)];
            }
        }
        return new SourceRows(data, sourceOf, java.util.Arrays.copyOf(out, k), sources);
    }

    int rows() {
        return sample.length;
    }

    /** The per-source models at {@code x}. */
    MoeLossModel[] models(Parameterization par, double[] x) {
        MoeLossModel[] m = new MoeLossModel[sources];
        for (int s = 0; s < sources; s++) {
            m[s] = par.sourceModel(x, s);
        }
        return m;
    }

    double row(int k, MoeLossModel[] models) {
        int i = sample[k];
        double pred = models[sourceOf[i]].loss(data.activeParams[i], data.tokens[i], data.uniqueTokens[i],
                data.activationRatio[i], data.granularity[i], data.compute[i]);
        return pred > 0 && Double.isFinite(pred) ? Math.log(pred) - data.logObserved[i] : HuberObjective.INVALID_RESIDUAL;
    }

    /**
     * Row {@code k} and its Jacobian: the shared free columns but the dense level (whose place this source's own
     * columns take), and this source's own free columns.
     */
    double rowAndJacobian(int k, Parameterization par, double[] x, MoeLossModel[] models, double[] jacobianRow) {
        int i = sample[k];
        int s = sourceOf[i];
        double[] g = new double[FitParameter.values().length];
        double pred = models[s].lossAndGradient(data.activeParams[i], data.tokens[i], data.uniqueTokens[i],
                data.activationRatio[i], data.granularity[i], data.compute[i], g);
        java.util.Arrays.fill(jacobianRow, 0.0);
        if (!(pred > 0 && Double.isFinite(pred))) {
            return HuberObjective.INVALID_RESIDUAL;
        }
        double[] natural = par.sourceNatural(x, s);
        FitParameter[] free = par.free();
        for (int j = 0; j < free.length; j++) {
            if (!DenseSource.OWN.contains(free[j])) {
                int o = free[j].ordinal();
                double d = g[o] / pred;
                jacobianRow[j] = free[j].logSpace() ? d * natural[o] : d;
            }
        }
        for (int q = 0; q < DenseSource.OWN.size(); q++) {
            int c = par.sourceColumn(s, q);
            if (c >= 0) {
                int o = DenseSource.OWN.get(q).ordinal();
                jacobianRow[c] = g[o] / pred * natural[o];
            }
        }
        for (int j = 0; j < jacobianRow.length; j++) {
            if (!Double.isFinite(jacobianRow[j])) {
                jacobianRow[j] = 0.0;
            }
        }
        return Math.log(pred) - data.logObserved[i];
    }
}
