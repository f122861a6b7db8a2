package dev.moeadvisor.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The priors' part of the objective, {@code P(x) = δ²·Σ_j ½·z_j²} with {@code z_j = (x_j − x̄_j)/sd_j} over the
 * free coefficients that have a {@link Prior} ({@code x} in the optimiser's coordinates). Written as extra
 * least-squares rows {@code ρ_j = δ·z_j} (never Huber-weighted), so that {@code P = Σ ½·ρ_j²}.
 *
 * <p>Weighting: a Huber term is {@code ½·r²} for a residual within δ = 10⁻³, i.e. a Gaussian log-likelihood scaled
 * by δ²; multiplying the priors' Gaussian log-density by the same δ² keeps the objective a log-posterior (up to
 * that scale) for runs whose log residuals are about δ.
 */
final class PriorPenalty {

    static final PriorPenalty NONE = new PriorPenalty(new int[0], new double[0], new double[0]);

    /** Index into the optimiser's vector, centre and sd of each prior row. */
    private final int[] index;
    private final double[] mean;
    private final double[] sd;

    private PriorPenalty(int[] index, double[] mean, double[] sd) {
        this.index = index;
        this.mean = mean;
        this.sd = sd;
    }

    static PriorPenalty of(FitParameter[] free, Map<FitParameter, Prior> priors) {
        List<Integer> idx = new ArrayList<>();
        for (int j = 0; j < free.length; j++) {
            if (priors.containsKey(free[j])) {
                idx.add(j);
            }
        }
        int[] index = new int[idx.size()];
        double[] mean = new double[idx.size()];
        double[] sd = new double[idx.size()];
        for (int k = 0; k < index.length; k++) {
            index[k] = idx.get(k);
            Prior p = priors.get(free[index[k]]);
            mean[k] = p.internalMean(free[index[k]]);
            sd[k] = p.sd();
        }
        return new PriorPenalty(index, mean, sd);
    }

    /**
     * The shared coefficients' priors and each joined data set's priors on its own dense coefficients
     * ({@link DenseSource#priors()}), on their columns.
     */
    static PriorPenalty of(Parameterization par, Map<FitParameter, Prior> priors, List<DenseSource> sources) {
        PriorPenalty shared = of(par.free(), priors);
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; k < shared.index.length; k++) {
            rows.add(new double[] {shared.index[k], shared.mean[k], shared.sd[k]});
        }
        for (int s = 0; s < sources.size(); s++) {
            for (int q = 0; q < DenseSource.OWN.size(); q++) {
                FitParameter p = DenseSource.OWN.get(q);
                Prior prior = sources.get(s).priors().get(p);
                if (prior != null && par.sourceColumn(s, q) >= 0) {
                    rows.add(new double[] {par.sourceColumn(s, q), prior.internalMean(p), prior.sd()});
                }
            }
        }
        return fromRows(rows);
    }

    /**
     * These priors plus stiff anchors ({@code sd} 10⁻³ in the optimiser's coordinates) holding {@code columns} at
     * {@code at}: for a refit without a joined data set, whose own columns no other row depends on (so the anchors
     * change nothing else).
     */
    PriorPenalty anchored(int[] columns, double[] at) {
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; k < index.length; k++) {
            rows.add(new double[] {index[k], mean[k], sd[k]});
        }
        for (int k = 0; k < columns.length; k++) {
            rows.add(new double[] {columns[k], at[k], 1e-3});
        }
        return fromRows(rows);
    }

    private static PriorPenalty fromRows(List<double[]> rows) {
        int[] index = new int[rows.size()];
        double[] mean = new double[rows.size()];
        double[] sd = new double[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            index[k] = (int) rows.get(k)[0];
            mean[k] = rows.get(k)[1];
            sd[k] = rows.get(k)[2];
        }
        return new PriorPenalty(index, mean, sd);
    }

    int rows() {
        return index.length;
    }

    /** {@code ρ_k = δ·(x_j − x̄_j)/sd_j}. */
    double row(int k, double[] x) {
        return HuberObjective.DELTA * (x[index[k]] - mean[k]) / sd[k];
    }

    /** Fills the Jacobian row of prior row {@code k}: {@code δ/sd_j} at {@code j}, zero elsewhere. */
    void jacobianRow(int k, double[] row) {
        java.util.Arrays.fill(row, 0.0);
        row[index[k]] = HuberObjective.DELTA / sd[k];
    }
}
