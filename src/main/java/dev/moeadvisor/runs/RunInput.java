package dev.moeadvisor.runs;

import com.fasterxml.jackson.annotation.JsonAlias;

import java.util.Map;

/**
 * A run as submitted, before validation: the JSON form (a plain record a JSON binder can fill; every field may be
 * missing) and what the CSV reader builds from a row. JSON names are camelCase, as everywhere in the API
 * ({@code runId}, {@code uniqueTokens}); the CSV's snake_case names ({@code run_id}, {@code unique_tokens}) are
 * accepted too ({@code @JsonAlias}). Field order and meaning follow the CSV columns
 * ({@link RunColumn}); {@link RunValidator} turns inputs into {@link TrainingRun}s or reports every problem.
 */
public record RunInput(
        @JsonAlias("run_id") String runId,
        Integer table,
        String kind,
        @JsonAlias("n_total") Double nTotal,
        @JsonAlias("n_active") Double nActive,
        @JsonAlias("r_a") Double rA,
        @JsonAlias("m_train_per_token") Double mTrainPerToken,
        Double tokens,
        @JsonAlias("unique_tokens") Double uniqueTokens,
        Double epochs,
        Double compute,
        @JsonAlias("seq_len") Integer seqLen,
        @JsonAlias("n_layers") Integer nLayers,
        @JsonAlias("dense_layers") Integer denseLayers,
        String layout,
        @JsonAlias("d_model") Integer dModel,
        @JsonAlias("d_ffn") Integer dFfn,
        @JsonAlias("n_heads") Integer nHeads,
        @JsonAlias("d_head") Integer dHead,
        Integer experts,
        @JsonAlias("top_k") Integer topK,
        @JsonAlias("d_expert") Integer dExpert,
        @JsonAlias("d_shared") Integer dShared,
        @JsonAlias("gate_norm") Boolean gateNorm,
        Double lr,
        @JsonAlias("batch_seqs") Integer batchSeqs,
        Integer iters,
        String metric,
        Double value,
        String note) {

    /** The input form of a validated run (what a writer or a JSON response shows). */
    public static RunInput of(TrainingRun r) {
        return new RunInput(r.runId(), r.table(), r.kind().label(), r.nTotal(), r.nActive(), r.rA(),
                r.mTrainPerToken(), r.tokens(), r.uniqueTokens(), r.epochs(), r.compute(), r.seqLen(), r.nLayers(),
                r.denseLayers(), r.layout(), r.dModel(), r.dFfn(), r.nHeads(), r.dHead(), r.experts(), r.topK(),
                r.dExpert(), r.dShared(), r.gateNorm(), r.lr(), r.batchSeqs(), r.iters(), r.metric(), r.value(),
                r.note());
    }

    /** An input from column values already converted to each column's Java type; absent columns are null. */
    static RunInput fromColumns(Map<RunColumn, Object> v) {
        return new RunInput((String) v.get(RunColumn.RUN_ID), (Integer) v.get(RunColumn.TABLE),
                (String) v.get(RunColumn.KIND), (Double) v.get(RunColumn.N_TOTAL), (Double) v.get(RunColumn.N_ACTIVE),
                (Double) v.get(RunColumn.R_A), (Double) v.get(RunColumn.M_TRAIN_PER_TOKEN),
                (Double) v.get(RunColumn.TOKENS), (Double) v.get(RunColumn.UNIQUE_TOKENS),
                (Double) v.get(RunColumn.EPOCHS), (Double) v.get(RunColumn.COMPUTE), (Integer) v.get(RunColumn.SEQ_LEN),
                (Integer) v.get(RunColumn.N_LAYERS), (Integer) v.get(RunColumn.DENSE_LAYERS),
                (String) v.get(RunColumn.LAYOUT), (Integer) v.get(RunColumn.D_MODEL), (Integer) v.get(RunColumn.D_FFN),
                (Integer) v.get(RunColumn.N_HEADS), (Integer) v.get(RunColumn.D_HEAD),
                (Integer) v.get(RunColumn.EXPERTS), (Integer) v.get(RunColumn.TOP_K),
                (Integer) v.get(RunColumn.D_EXPERT), (Integer) v.get(RunColumn.D_SHARED),
                (Boolean) v.get(RunColumn.GATE_NORM), (Double) v.get(RunColumn.LR),
                (Integer) v.get(RunColumn.BATCH_SEQS), (Integer) v.get(RunColumn.ITERS),
                (String) v.get(RunColumn.METRIC), (Double) v.get(RunColumn.VALUE), (String) v.get(RunColumn.NOTE));
    }
}
