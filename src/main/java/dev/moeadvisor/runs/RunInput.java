package dev.moeadvisor.runs;

import java.util.Map;

/**
 * A run as submitted, before validation: the JSON form (a plain record a JSON binder can fill; every field may be
 * missing) and what the CSV reader builds from a row. Field order and meaning follow the CSV columns
 * ({@link RunColumn}); {@link RunValidator} turns inputs into {@link TrainingRun}s or reports every problem.
 */
public record RunInput(
        String runId,
        Integer table,
        String kind,
        Double nTotal,
        Double nActive,
        Double rA,
        Double mTrainPerToken,
        Double tokens,
        Double uniqueTokens,
        Double epochs,
        Double compute,
        Integer seqLen,
        Integer nLayers,
        Integer denseLayers,
        String layout,
        Integer dModel,
        Integer dFfn,
        Integer nHeads,
        Integer dHead,
        Integer experts,
        Integer topK,
        Integer dExpert,
        Integer dShared,
        Boolean gateNorm,
        Double lr,
        Integer batchSeqs,
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
