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
 */
public record RunResidual(String runId, double observed, double predicted, double residual, double looPredicted) {
}
