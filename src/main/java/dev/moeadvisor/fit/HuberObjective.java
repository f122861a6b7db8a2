package dev.moeadvisor.fit;

import dev.moeadvisor.law.MoeLossModel;

import java.util.Arrays;

/**
 * The fit's objective on a sample of points: the sum of Huber losses of the log residuals, plus the priors'
 * penalty when the problem has priors ({@link PriorPenalty}),
 *
 * <pre>  H(θ) = Σ_i ρ_δ(r_i) + δ²·Σ_j ½·z_j² + Σ_k ρ_δ(s_k·(ln EL_k(θ) − ln EL_obs,k)) + Σ_m ρ_δ(r_m(θ, θ_src(m))),   r_i = log L_pred,i(θ) − log L_obs,i,   δ = 10⁻³,
 *   ρ_δ(r) = r²/2 for |r| ≤ δ, δ·(|r| − δ/2) otherwise,   z_j = (x_j − x̄_j)/sd_j</pre>
 *
 * (the last sum over the runs of joined data sets with their own E, A_N, B_D, {@link SourceRows})
 * (the objective of Hoffmann et al., arXiv 2203.15556 §3.3, with a sum as the reduction). Predictions come from
 * {@link MoeLossModel#loss} and its Jacobian from {@link MoeLossModel#lossAndGradient}: the formula is never
 * written here. A prediction that is not a positive finite number gets a fixed large residual and a zero Jacobian
 * row, so an optimiser steps back from it.
 */
final class HuberObjective {

    /** Huber's δ on log residuals. */
    static final double DELTA = 1e-3;
    /** Residual given to a prediction that is not a positive finite number. */
    static final double INVALID_RESIDUAL = 10.0;

    private final Parameterization parameterization;
    private final PointData data;
    private final int[] sample;
    private final PriorPenalty priors;
    private final ElObservationRows observations;
    private final SourceRows sources;

    HuberObjective(Parameterization parameterization, PointData data, int[] sample) {
        this(parameterization, data, sample, PriorPenalty.NONE);
    }

    HuberObjective(Parameterization parameterization, PointData data, int[] sample, PriorPenalty priors) {
        this(parameterization, data, sample, priors, ElObservationRows.NONE);
    }

    HuberObjective(Parameterization parameterization, PointData data, int[] sample, PriorPenalty priors,
                   ElObservationRows observations) {
        this(parameterization, data, sample, priors, observations, SourceRows.NONE);
    }

    HuberObjective(Parameterization parameterization, PointData data, int[] sample, PriorPenalty priors,
                   ElObservationRows observations, SourceRows sources) {
        this.parameterization = parameterization;
        this.data = data;
        this.sample = sample;
        this.priors = priors;
        this.observations = observations;
        this.sources = sources;
    }

    Parameterization parameterization() {
        return parameterization;
    }

    /**
     * Residual rows: one per sampled point, then one per prior ({@link PriorPenalty}), then one per EL observation
     * of a joined source ({@link ElObservationRows}), then one per run of a joined data set with its own dense
     * coefficients ({@link SourceRows}).
     */
    int size() {
        return sample.length + priors.rows() + observations.rows() + sources.rows();
    }

    /** The IRLS weight of row {@code row} at residual {@code r}: 1 for a prior row, Huber's for the others. */
    double rowWeight(int row, double r) {
        boolean prior = row >= sample.length && row < sample.length + priors.rows();
        return prior ? 1.0 : weight(r);
    }

    int dimension() {
        return parameterization.dimension();
    }

    static double huber(double r) {
        double a = Math.abs(r);
        return a <= DELTA ? 0.5 * r * r : DELTA * (a - 0.5 * DELTA);
    }

    /** The IRLS weight ψ(r)/r = min(1, δ/|r|). */
    static double weight(double r) {
        double a = Math.abs(r);
        return a <= DELTA ? 1.0 : DELTA / a;
    }

    /** H(θ) + P(θ) for an optimiser vector. */
    double value(double[] x) {
        return residuals(x, new double[size()]);
    }

    /** Fills the log residuals (then the prior rows) and returns H(θ) + P(θ). */
    double residuals(double[] x, double[] r) {
        MoeLossModel model = parameterization.model(x);
        double sum = 0;
        for (int s = 0; s < sample.length; s++) {
            int i = sample[s];
            double pred = model.loss(data.activeParams[i], data.tokens[i], data.uniqueTokens[i],
                    data.activationRatio[i], data.granularity[i], data.compute[i]);
            r[s] = pred > 0 && Double.isFinite(pred) ? Math.log(pred) - data.logObserved[i] : INVALID_RESIDUAL;
            sum += huber(r[s]);
        }
        for (int k = 0; k < priors.rows(); k++) {
            double rho = priors.row(k, x);
            r[sample.length + k] = rho;
            sum += 0.5 * rho * rho;
        }
        int offset = sample.length + priors.rows();
        for (int k = 0; k < observations.rows(); k++) {
            double rho = observations.row(k, model);
            r[offset + k] = rho;
            sum += huber(rho);
        }
        offset += observations.rows();
        if (sources.rows() > 0) {
            MoeLossModel[] own = sources.models(parameterization, x);
            for (int k = 0; k < sources.rows(); k++) {
                double rho = sources.row(k, own);
                r[offset + k] = rho;
                sum += huber(rho);
            }
        }
        return sum;
    }

    /** Fills the log residuals and their Jacobian {@code ∂r_s/∂x_j} in the optimiser's coordinates. */
    void residualsAndJacobian(double[] x, double[] r, double[][] jacobian) {
        MoeLossModel model = parameterization.model(x);
        FitParameter[] free = parameterization.free();
        double[] natural = parameterization.natural(x);
        double[] g = new double[FitParameter.values().length];
        for (int s = 0; s < sample.length; s++) {
            int i = sample[s];
            double pred = model.lossAndGradient(data.activeParams[i], data.tokens[i], data.uniqueTokens[i],
                    data.activationRatio[i], data.granularity[i], data.compute[i], g);
            double[] row = jacobian[s];
            if (!(pred > 0 && Double.isFinite(pred))) {
                r[s] = INVALID_RESIDUAL;
                Arrays.fill(row, 0.0);
                continue;
            }
            r[s] = Math.log(pred) - data.logObserved[i];
            for (int j = 0; j < free.length; j++) {
                int k = free[j].ordinal();
                double d = g[k] / pred;
                row[j] = free[j].logSpace() ? d * natural[k] : d;
                if (!Double.isFinite(row[j])) {
                    row[j] = 0.0;
                }
            }
        }
        for (int k = 0; k < priors.rows(); k++) {
            r[sample.length + k] = priors.row(k, x);
            priors.jacobianRow(k, jacobian[sample.length + k]);
        }
        int offset = sample.length + priors.rows();
        for (int k = 0; k < observations.rows(); k++) {
            r[offset + k] = observations.rowAndJacobian(k, model, free, natural, jacobian[offset + k]);
        }
        offset += observations.rows();
        if (sources.rows() > 0) {
            MoeLossModel[] own = sources.models(parameterization, x);
            for (int k = 0; k < sources.rows(); k++) {
                r[offset + k] = sources.rowAndJacobian(k, parameterization, x, own, jacobian[offset + k]);
            }
        }
    }
}
