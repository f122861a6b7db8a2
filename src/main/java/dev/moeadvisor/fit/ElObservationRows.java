package dev.moeadvisor.fit;

import dev.moeadvisor.law.MoeLossModel;

import java.util.List;

/**
 * The EL observations' part of the objective, {@code Σ_k ρ_δ(s_k·(ln EL(A_k, G_k, C_k; θ) − ln EL_k))}: each
 * observation a residual on the log-loss scale ({@link ElObservation#lossSlope()}), Huber-weighted like a run.
 */
final class ElObservationRows {

    static final ElObservationRows NONE = new ElObservationRows(List.of());

    private final List<ElObservation> observations;

    ElObservationRows(List<ElObservation> observations) {
        this.observations = List.copyOf(observations);
    }

    int rows() {
        return observations.size();
    }

    double row(int k, MoeLossModel model) {
        ElObservation o = observations.get(k);
        double el = model.el().value(o.activationRatio(), o.granularity(), o.computeFlops());
        return el > 0 && Double.isFinite(el)
                ? o.lossSlope() * (Math.log(el) - Math.log(o.leverage()))
                : HuberObjective.INVALID_RESIDUAL;
    }

    /** Row {@code k} and its Jacobian in the optimiser's coordinates. */
    double rowAndJacobian(int k, MoeLossModel model, FitParameter[] free, double[] natural, double[] jacobianRow) {
        ElObservation o = observations.get(k);
        double[] g = new double[6];
        double el = model.el().valueAndGradient(o.activationRatio(), o.granularity(), o.computeFlops(), g);
        java.util.Arrays.fill(jacobianRow, 0.0);
        if (!(el > 0 && Double.isFinite(el))) {
            return HuberObjective.INVALID_RESIDUAL;
        }
        double scale = o.lossSlope();
        for (int j = 0; j < free.length; j++) {
            int idx = free[j].ordinal() - FitParameter.A.ordinal();
            if (idx >= 0) {
                double d = scale * g[idx] / el;
                jacobianRow[j] = free[j].logSpace() ? d * natural[free[j].ordinal()] : d;
                if (!Double.isFinite(jacobianRow[j])) {
                    jacobianRow[j] = 0.0;
                }
            }
        }
        return scale * (Math.log(el) - Math.log(o.leverage()));
    }
}
