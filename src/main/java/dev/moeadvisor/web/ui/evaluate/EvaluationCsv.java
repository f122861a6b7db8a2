package dev.moeadvisor.web.ui.evaluate;

import dev.moeadvisor.web.ui.shared.NumberFormats;

import dev.moeadvisor.runs.SafeCsv;
import dev.moeadvisor.service.Evaluation;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;
import org.apache.commons.csv.CSVFormat;

import java.util.Arrays;
import java.util.List;

/**
 * An evaluation as CSV: a header and one row with the shape, its counts (non-embedding, as N in the laws, and with
 * embeddings), the budget, the efficiency leverage and the learning rate and batch by Ling's and the Step Law.
 * Numbers as {@link NumberFormats#csv}: counts exact, the rest to six significant digits; granularity and GPU-hours
 * empty when they do not apply.
 */
final class EvaluationCsv {

    static final String[] HEADER = {"layers", "dense_layers", "d_model", "heads", "kv_heads", "head_dim", "d_ffn",
            "experts", "top_k", "shared_experts", "d_expert", "d_shared", "vocab_size", "seq_len",
            "non_embedding_params", "active_non_embedding_params", "embedding_params", "total_params_with_embeddings",
            "active_params_with_embeddings", "activation_ratio", "routed_activation_ratio", "param_activation_ratio",
            "granularity", "flops_per_token", "tokens", "compute_flops", "gpu_hours", "efficiency_leverage",
            "el_extrapolated", "dense_equivalent_compute_flops", "ling_learning_rate", "ling_batch_tokens",
            "step_law_learning_rate", "step_law_batch_tokens"};

    private EvaluationCsv() {
    }

    static String of(Evaluation e) {
        ModelShape s = e.shape();
        ShapeMetrics m = e.metrics();
        List<?> row = Arrays.asList(s.layers(), s.denseLayers(), s.dModel(), s.heads(), s.kvHeads(), s.headDim(),
                s.dFfn(), s.experts(), s.topK(), s.sharedExperts(), s.dExpert(), s.dShared(), s.vocabSize(),
                s.seqLen(), m.totalParams(), m.activeParams(), m.embeddingParams(), m.totalParamsWithEmbeddings(),
                m.activeParamsWithEmbeddings(), m.activationRatioLing(), m.activationRatioRouted(),
                m.activationRatioParams(), m.granularity(), m.flopsPerTokenTraining(), e.budget().tokens(),
                e.budget().computeFlops(), e.budget().gpuHours(), e.efficiencyLeverage(), e.elExtrapolated(),
                e.denseEquivalentComputeFlops(), e.lingHyperParameters().learningRate(),
                e.lingHyperParameters().batchTokens(), e.stepHyperParameters().learningRate(),
                e.stepHyperParameters().batchTokens());
        return new SafeCsv(CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator("\n").get(),
                NumberFormats::csv).write(List.of(row));
    }
}
