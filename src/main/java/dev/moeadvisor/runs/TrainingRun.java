package dev.moeadvisor.runs;

import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;

import java.util.List;

/**
 * One training run: its configuration and its final metric, one row of a run file. Optional columns are boxed
 * and null when empty. A {@code TrainingRun} is always valid: its constructor applies the same per-run rules as
 * {@link RunValidator} (throwing {@link RunDataException} with line 0), so only {@code tokens} may be missing (an
 * ablation whose token count was not published; such a run can be shown but not fitted).
 *
 * <p>Derived quantities:
 * <ul>
 *   <li>{@link #activationRatio()} — Ling's {@code A = (k + s)/(E + s)}, {@code s = d_shared/d_expert}, where
 *       {@code d_shared} is the <em>total</em> shared width (the bundled paper uses one shared expert of width
 *       {@code k·d_expert}); 1 for a dense run;</li>
 *   <li>{@link #granularity()} — {@code G = 2·d_model/d_expert}; NaN for a dense run;</li>
 *   <li>{@link #activeParams()}, {@link #totalParams()} — the columns, else computed from {@link #shape()} by
 *       {@link ShapeMetrics} (non-embedding, so the vocabulary does not matter);</li>
 *   <li>{@link #trainingFlopsPerToken()} and {@link #effectiveCompute()} — see there for the forward-only quirk of
 *       some published {@code M} values.</li>
 * </ul>
 */
public record TrainingRun(
        String runId,
        Integer table,
        RunKind kind,
        Double nTotal,
        Double nActive,
        Double rA,
        Double mTrainPerToken,
        Double tokens,
        Double uniqueTokens,
        Double epochs,
        Double compute,
        int seqLen,
        int nLayers,
        Integer denseLayers,
        String layout,
        int dModel,
        Integer dFfn,
        int nHeads,
        int dHead,
        Integer experts,
        Integer topK,
        Integer dExpert,
        Integer dShared,
        Boolean gateNorm,
        Double lr,
        Integer batchSeqs,
        Integer iters,
        String metric,
        double value,
        String note) {

    public TrainingRun {
        if (runId == null || kind == null || metric == null) {
            throw new RunDataException(List.of(new RunDataError(0, runId == null ? "run_id"
                    : kind == null ? "kind" : "metric", "is required")));
        }
        List<RunDataError> errors = RunValidator.runErrors(0, new RunInput(runId, table, kind.label(), nTotal,
                nActive, rA, mTrainPerToken, tokens, uniqueTokens, epochs, compute, seqLen, nLayers, denseLayers, layout,
                dModel, dFfn, nHeads, dHead, experts, topK, dExpert, dShared, gateNorm, lr, batchSeqs, iters, metric,
                value, note), false);
        if (!errors.isEmpty()) {
            throw new RunDataException(errors);
        }
    }

    public boolean isMoe() {
        return kind == RunKind.MOE;
    }

    /** True when the run gives its token count (a run without one cannot be fitted). */
    public boolean hasTokens() {
        return tokens != null;
    }

    /** Shared width in routed-expert units, {@code s = d_shared/d_expert} (0 for dense or without shared expert). */
    public double sharedExpertUnits() {
        return isMoe() && dShared != null ? (double) dShared / dExpert : 0.0;
    }

    /** Ling's activation ratio {@code A = (k + s)/(E + s)} (arXiv 2507.17702 §2); 1 for a dense run. */
    public double activationRatio() {
        if (!isMoe()) {
            return 1.0;
        }
        double s = sharedExpertUnits();
        return (topK + s) / (experts + s);
    }

    /** Granularity {@code G = 2·d_model/d_expert} (Ling §3); NaN for a dense run. */
    public double granularity() {
        return isMoe() ? 2.0 * dModel / dExpert : Double.NaN;
    }

    /**
     * The shape this row describes, with the defaults of a run file (the first {@code dense_layers} layers dense,
     * default 0 for an moe run; one shared expert of width {@code d_shared} when {@code d_shared > 0}; key/value
     * heads = heads; vocabulary 1, as embeddings are outside N). Layouts a {@link ModelShape} cannot express (e.g. MoE
     * every other layer) give the published {@code n_active}/{@code n_total} instead, which take precedence.
     *
     * @throws dev.moeadvisor.shape.InvalidShapeException when the row lacks what a shape needs (e.g. {@code d_ffn}
     *                                                   of a dense first layer)
     */
    public ModelShape shape() {
        return RunShape.of(kind, RunInput.of(this));
    }

    /** Non-embedding active parameters: the {@code n_active} column, else from {@link #shape()}. */
    public double activeParams() {
        return nActive != null ? nActive : ShapeMetrics.of(shape()).activeParams();
    }

    /** Non-embedding total parameters: the {@code n_total} column, else from {@link #shape()}. */
    public double totalParams() {
        return nTotal != null ? nTotal : ShapeMetrics.of(shape()).totalParams();
    }

    /** Forward FLOPs per token of this run, {@code 2·N_active + 4·S·L·n_heads·d_head} ({@link ShapeMetrics}). */
    public double forwardFlopsPerToken() {
        return ShapeMetrics.forwardFlopsPerToken(activeParams(), seqLen, nLayers, nHeads, dHead);
    }

    /**
     * True when the printed {@code m_train_per_token} is a forward-only count. Some published tables print forward
     * FLOPs under "M" (arXiv 2506.12119 Table 6 and the S = 2048 rows of Table 5); since training FLOPs are three
     * times forward FLOPs, the two readings are a factor 3 apart and the run's own forward count decides: a
     * printed M below {@code √3 · M_fwd} is forward-only.
     */
    public boolean printedFlopsAreForwardOnly() {
        return mTrainPerToken != null && mTrainPerToken < Math.sqrt(3.0) * forwardFlopsPerToken();
    }

    /**
     * Training FLOPs per token: the printed {@code m_train_per_token} (times 3 when it is
     * {@linkplain #printedFlopsAreForwardOnly() forward-only}), else {@code 3·M_fwd}.
     */
    public double trainingFlopsPerToken() {
        if (mTrainPerToken == null) {
            return 3.0 * forwardFlopsPerToken();
        }
        return printedFlopsAreForwardOnly() ? 3.0 * mTrainPerToken : mTrainPerToken;
    }

    /**
     * Training compute in FLOPs: the {@code compute} column, else {@link #trainingFlopsPerToken()} × tokens; NaN
     * when the run has no token count.
     */
    public double effectiveCompute() {
        if (compute != null) {
            return compute;
        }
        return tokens == null ? Double.NaN : trainingFlopsPerToken() * tokens;
    }

    /** Unique tokens, or NaN when the column is empty (no data reuse: every token was new). */
    public double uniqueTokensOrNaN() {
        return uniqueTokens == null ? Double.NaN : uniqueTokens;
    }
}
