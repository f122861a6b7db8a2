package dev.moeadvisor.fit;

/**
 * How well the fit predicts one run, in the metric's unit.
 *
 * @param runId        the run
 * @param observed     its metric
 * @param predicted    the fitted model's prediction
 * @param residual     {@code predicted − observed}
 * @param looPredicted the prediction of the fit without this run (leave-one-out); NaN when not computed or when
 *                     that refit did not converge
 * @param group        for a held-out run, its group ({@link HeldOutGroup}: why the fit never saw it); null for a
 *                     fitted run and in results stored before groups existed
 */
public record RunResidual(String runId, double observed, double predicted, double residual, double looPredicted,
                          String group) {

    /** A fitted run's residual (no held-out group). */
    public RunResidual(String runId, double observed, double predicted, double residual, double looPredicted) {
        this(runId, observed, predicted, residual, looPredicted, null);
    }
}
