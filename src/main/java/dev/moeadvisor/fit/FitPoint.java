package dev.moeadvisor.fit;

import dev.moeadvisor.law.MoeLossModel;
import dev.moeadvisor.runs.TrainingRun;

/**
 * What the fit sees of one run: the inputs of {@link MoeLossModel#loss} and the observed metric.
 *
 * @param runId           the run's id (residuals are reported per id)
 * @param activeParams    non-embedding active parameters {@code N_active}
 * @param tokens          tokens consumed {@code D}
 * @param uniqueTokens    unique tokens {@code U}; NaN = unlimited (no reuse)
 * @param activationRatio Ling's {@code A}; 1 for dense
 * @param granularity     {@code G}; NaN for dense (EL = 1)
 * @param compute         training FLOPs {@code C}
 * @param observed        the observed metric (loss or BPC), positive
 * @param totalParams     non-embedding total parameters (NaN: unknown); only for the evidence envelope
 */
public record FitPoint(String runId, double activeParams, double tokens, double uniqueTokens, double activationRatio,
                       double granularity, double compute, double observed, double totalParams) {

    /** A point without a known total parameter count. */
    public FitPoint(String runId, double activeParams, double tokens, double uniqueTokens, double activationRatio,
                    double granularity, double compute, double observed) {
        this(runId, activeParams, tokens, uniqueTokens, activationRatio, granularity, compute, observed, Double.NaN);
    }

    public FitPoint {
        if (runId == null) {
            throw new IllegalArgumentException("runId is required");
        }
        requirePositive("activeParams", activeParams);
        requirePositive("tokens", tokens);
        requirePositive("compute", compute);
        requirePositive("observed", observed);
        if (!Double.isNaN(uniqueTokens)) {
            requirePositive("uniqueTokens", uniqueTokens);
        }
        if (!(activationRatio > 0 && activationRatio <= 1)) {
            throw new IllegalArgumentException(runId + ": activationRatio must lie in (0, 1]");
        }
        if (!Double.isNaN(granularity)) {
            requirePositive("granularity", granularity);
        }
    }

    private void requirePositive(String name, double v) {
        if (!(v > 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException(runId + ": " + name + " must be a positive finite number");
        }
    }

    /** The fit's view of a run; the run must have a token count. */
    public static FitPoint of(TrainingRun run) {
        if (!run.hasTokens()) {
            throw new IllegalArgumentException(run.runId() + ": no token count, cannot be fitted");
        }
        return new FitPoint(run.runId(), run.activeParams(), run.tokens(), run.uniqueTokensOrNaN(),
                run.activationRatio(), run.granularity(), run.effectiveCompute(), run.value(), run.totalParams());
    }

    public boolean isMoe() {
        return !Double.isNaN(granularity);
    }

    /** The model's prediction for this point. */
    public double predict(MoeLossModel model) {
        return model.loss(activeParams, tokens, uniqueTokens, activationRatio, granularity, compute);
    }
}
