package dev.moeadvisor.runs;

import java.util.Optional;
import java.util.function.Function;

/**
 * The columns of a run file, in file order, with their type and how to read each from a {@link RunInput}. The
 * reader, the writer and the error messages all use these names. {@link #requiredInHeader()} marks the columns an
 * upload must have (a value may still be empty where the rules allow it, e.g. {@code unique_tokens}).
 */
public enum RunColumn {
    RUN_ID("run_id", Type.TEXT, false, RunInput::runId),
    TABLE("table", Type.INTEGER, false, RunInput::table),
    KIND("kind", Type.TEXT, true, RunInput::kind),
    N_TOTAL("n_total", Type.DECIMAL, false, RunInput::nTotal),
    N_ACTIVE("n_active", Type.DECIMAL, false, RunInput::nActive),
    R_A("r_a", Type.DECIMAL, false, RunInput::rA),
    M_TRAIN_PER_TOKEN("m_train_per_token", Type.DECIMAL, false, RunInput::mTrainPerToken),
    TOKENS("tokens", Type.DECIMAL, true, RunInput::tokens),
    UNIQUE_TOKENS("unique_tokens", Type.DECIMAL, true, RunInput::uniqueTokens),
    EPOCHS("epochs", Type.DECIMAL, false, RunInput::epochs),
    COMPUTE("compute", Type.DECIMAL, false, RunInput::compute),
    SEQ_LEN("seq_len", Type.INTEGER, false, RunInput::seqLen),
    N_LAYERS("n_layers", Type.INTEGER, true, RunInput::nLayers),
    DENSE_LAYERS("dense_layers", Type.INTEGER, false, RunInput::denseLayers),
    LAYOUT("layout", Type.TEXT, false, RunInput::layout),
    D_MODEL("d_model", Type.INTEGER, true, RunInput::dModel),
    D_FFN("d_ffn", Type.INTEGER, false, RunInput::dFfn),
    N_HEADS("n_heads", Type.INTEGER, true, RunInput::nHeads),
    D_HEAD("d_head", Type.INTEGER, false, RunInput::dHead),
    EXPERTS("experts", Type.INTEGER, false, RunInput::experts),
    TOP_K("top_k", Type.INTEGER, false, RunInput::topK),
    D_EXPERT("d_expert", Type.INTEGER, false, RunInput::dExpert),
    D_SHARED("d_shared", Type.INTEGER, false, RunInput::dShared),
    GATE_NORM("gate_norm", Type.BOOLEAN, false, RunInput::gateNorm),
    LR("lr", Type.DECIMAL, false, RunInput::lr),
    BATCH_SEQS("batch_seqs", Type.INTEGER, false, RunInput::batchSeqs),
    ITERS("iters", Type.INTEGER, false, RunInput::iters),
    METRIC("metric", Type.TEXT, true, RunInput::metric),
    VALUE("value", Type.DECIMAL, true, RunInput::value),
    NOTE("note", Type.TEXT, false, RunInput::note);

    /** How a column's text is read. */
    public enum Type { TEXT, INTEGER, DECIMAL, BOOLEAN }

    private final String header;
    private final Type type;
    private final boolean requiredInHeader;
    private final Function<RunInput, Object> getter;

    RunColumn(String header, Type type, boolean requiredInHeader, Function<RunInput, Object> getter) {
        this.header = header;
        this.type = type;
        this.requiredInHeader = requiredInHeader;
        this.getter = getter;
    }

    /** The column's name in a file header (and in error reports). */
    public String header() {
        return header;
    }

    public Type type() {
        return type;
    }

    public boolean requiredInHeader() {
        return requiredInHeader;
    }

    /** This column's value in an input, or null. */
    public Object get(RunInput input) {
        return getter.apply(input);
    }

    public static Optional<RunColumn> fromHeader(String name) {
        for (RunColumn c : values()) {
            if (c.header.equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
