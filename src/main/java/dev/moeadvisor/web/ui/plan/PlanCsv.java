package dev.moeadvisor.web.ui.plan;

import dev.moeadvisor.web.ui.shared.NumberFormats;

import dev.moeadvisor.plan.Candidate;
import dev.moeadvisor.plan.PlanRequest;
import dev.moeadvisor.plan.TrainingSchedule;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;
import org.apache.commons.csv.CSVFormat;
import dev.moeadvisor.runs.SafeCsv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The returned shapes of a plan as CSV, one row per candidate (recommendation, alternatives, dense baseline): the
 * full shape, its counts and its predictions, numbers as {@link NumberFormats#csv} writes them (shape and counts
 * exact, the rest to six significant digits, never Java's {@code E} notation). Epochs are empty with ample data,
 * granularity is empty for the dense baseline. The last columns repeat the plan's budget (compute, unique tokens:
 * empty when ample, the epoch limit) so that a row read alone says what it was planned for. Each row also carries its training schedule by the planner's one rule
 * ({@link TrainingSchedule}): the chosen law, peak learning rate, batch in sequences at the request's sequence length,
 * batch tokens and optimizer steps. {@code el_extrapolated} is true exactly when the shape lies outside the plan's
 * model's evidence (the evidence envelope, the API's {@code extrapolated}); the last column, {@code outside}, says
 * where in words ("compute 17× above the largest run"), empty when inside everywhere.
 */
public final class PlanCsv {

    static final String[] HEADER = {"rank", "role", "layers", "dense_layers", "d_model", "heads", "kv_heads",
            "head_dim", "d_ffn", "experts", "top_k", "shared_experts", "d_expert", "d_shared", "vocab_size", "seq_len",
            "total_params", "active_params", "embedding_params", "activation_ratio", "routed_activation_ratio",
            "param_activation_ratio", "granularity", "flops_per_token", "tokens", "epochs", "predicted_loss",
            "efficiency_leverage", "el_extrapolated", "lr_law", "learning_rate", "batch_sequences", "batch_tokens",
            "optimizer_steps", "budget_compute_flops", "budget_unique_tokens", "budget_max_epochs", "outside"};

    private PlanCsv() {
    }

    static String of(PlanRequest request, List<CandidateView> candidates) {
        List<List<?>> rows = new ArrayList<>();
        for (CandidateView v : candidates) {
            Candidate c = v.candidate();
            ModelShape s = c.shape();
            ShapeMetrics m = c.metrics();
            TrainingSchedule t = TrainingSchedule.of(c, request);
            rows.add(Arrays.asList(v.rank(), v.role(), s.layers(), s.denseLayers(), s.dModel(), s.heads(),
                    s.kvHeads(), s.headDim(), s.dFfn(), s.experts(), s.topK(), s.sharedExperts(), s.dExpert(),
                    s.dShared(), s.vocabSize(), s.seqLen(), m.totalParams(), m.activeParams(), m.embeddingParams(),
                    m.activationRatioLing(), m.activationRatioRouted(), m.activationRatioParams(),
                    Double.isNaN(m.granularity()) ? null : m.granularity(), m.flopsPerTokenTraining(), c.tokens(),
                    v.repeatsData() ? c.epochs() : null, c.loss(), c.efficiencyLeverage(), v.extrapolated(),
                    t.chosen().lawId(), t.learningRate(), t.batchSequences(), t.batchTokens(), t.steps(),
                    request.computeFlops(), request.uniqueTokens(), request.maxEpochs(), v.outsideInWords()));
        }
        return new SafeCsv(CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator("\n").get(),
                NumberFormats::csv).write(rows);
    }
}
