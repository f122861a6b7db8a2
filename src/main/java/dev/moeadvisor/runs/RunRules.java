package dev.moeadvisor.runs;

/**
 * The set-level rules a list of runs is checked against, beyond the per-run rules that always apply.
 *
 * @param maxRows        most runs accepted; one more is refused as "too many runs"
 * @param tokensRequired every run must give {@code tokens} (needed to fit); the bundled reference file has
 *                       architecture ablations whose token counts were not published, so it does not require them
 * @param singleMetric   every run must report the same {@code metric} (an upload is fitted as one data set);
 *                       the bundled reference file mixes {@code train_loss} ablations with {@code val_bpc} sweeps
 */
public record RunRules(int maxRows, boolean tokensRequired, boolean singleMetric) {

    public RunRules {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive");
        }
    }

    /** Rules for data a user uploads: tokens on every run, one metric. */
    public static RunRules upload(int maxRows) {
        return new RunRules(maxRows, true, true);
    }

    /** Rules for a bundled reference transcription of a paper: every published run, as printed. */
    public static RunRules reference(int maxRows) {
        return new RunRules(maxRows, false, false);
    }
}
