package dev.moeadvisor.runs;

import dev.moeadvisor.shape.InvalidShapeException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one set of rules for run data, shared by the CSV reader and the JSON form: per-run rules (types, ranges,
 * consistency, a buildable shape) and set rules ({@link RunRules}: row limit, tokens required, one metric; run ids
 * unique). Every problem is collected; {@link #validate} returns all runs or throws a {@link RunDataException}
 * listing every error, never a partial result.
 *
 * <p>Defaults filled in: {@code run_id = run-<line>}, {@code seq_len = 2048}, {@code d_head = d_model/n_heads}.
 * Left empty and derived on demand by {@link TrainingRun}: {@code n_active}, {@code n_total}, {@code compute}.
 */
public final class RunValidator {

    /** Metric names: {@code val_bpc}, {@code train_loss} or any user metric of this form. */
    public static final Pattern METRIC = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    /** Run ids: safe in a URL and a file name. */
    public static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    public static final int DEFAULT_SEQ_LEN = 2048;
    static final int MAX_TEXT = 1000;
    /** {@code n_active} may exceed {@code n_total} by printed rounding only. */
    private static final double ROUNDING = 1.005;

    private final RunRules rules;

    public RunValidator(RunRules rules) {
        this.rules = rules;
    }

    /** An input and where it came from (CSV line or JSON position). */
    record Located(int line, RunInput input) {}

    /**
     * Validates runs given as a list (the JSON form); errors carry the 1-based position in the list as "line".
     *
     * @throws RunDataException with every problem found
     */
    public List<TrainingRun> validate(List<RunInput> inputs) {
        List<Located> rows = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            rows.add(new Located(i + 1, inputs.get(i)));
        }
        return validate(rows, List.of(), Set.of());
    }

    /**
     * Validates located inputs, adding earlier errors (e.g. cells the CSV reader could not parse) and skipping
     * rule errors on cells in {@code unparsedCells} ({@code line + ":" + column}), whose value is already reported.
     */
    List<TrainingRun> validate(List<Located> rows, List<RunDataError> earlierErrors, Set<String> unparsedCells) {
        List<RunDataError> errors = new ArrayList<>(earlierErrors);
        if (rows.isEmpty() && earlierErrors.isEmpty()) {
            errors.add(new RunDataError(0, "", "no runs: at least one run is needed"));
        }
        if (rows.size() > rules.maxRows()) {
            errors.add(new RunDataError(rows.get(rules.maxRows()).line(), "",
                    "too many runs: at most " + rules.maxRows() + " are accepted"));
            rows = rows.subList(0, rules.maxRows());
        }
        String firstMetric = null;
        int firstMetricLine = 0;
        boolean mixedReported = false;
        Map<String, Integer> idLines = new HashMap<>();
        List<TrainingRun> runs = new ArrayList<>();
        for (Located row : rows) {
            RunInput in = row.input();
            if (in == null) {
                errors.add(new RunDataError(row.line(), "", "a run must be an object, not null"));
                continue;
            }
            List<RunDataError> rowErrors = new ArrayList<>();
            for (RunDataError e : runErrors(row.line(), in, rules.tokensRequired())) {
                if (!unparsedCells.contains(e.line() + ":" + e.column())) {
                    rowErrors.add(e);
                }
            }
            if (rules.singleMetric() && in.metric() != null && METRIC.matcher(in.metric()).matches()) {
                if (firstMetric == null) {
                    firstMetric = in.metric();
                    firstMetricLine = row.line();
                } else if (!firstMetric.equals(in.metric()) && !mixedReported) {
                    rowErrors.add(new RunDataError(row.line(), RunColumn.METRIC.header(), "mixed metrics: '"
                            + in.metric() + "' here but '" + firstMetric + "' on line " + firstMetricLine
                            + "; one data set holds one metric"));
                    mixedReported = true;
                }
            }
            String id = in.runId() != null ? in.runId() : "run-" + row.line();
            Integer seen = idLines.putIfAbsent(id, row.line());
            if (seen != null) {
                rowErrors.add(new RunDataError(row.line(), RunColumn.RUN_ID.header(),
                        "duplicate run_id '" + id + "' (first on line " + seen + ")"));
            }
            if (rowErrors.isEmpty() && errors.isEmpty()) {
                runs.add(toRun(id, in));
            }
            errors.addAll(rowErrors);
        }
        if (!errors.isEmpty()) {
            throw new RunDataException(errors);
        }
        return List.copyOf(runs);
    }

    private static TrainingRun toRun(String id, RunInput in) {
        RunKind kind = RunKind.fromLabel(in.kind()).orElseThrow();
        return new TrainingRun(id, in.table(), kind, in.nTotal(), in.nActive(), in.rA(), in.mTrainPerToken(),
                in.tokens(), in.uniqueTokens(), in.epochs(), in.compute(), RunShape.seqLen(in), in.nLayers(),
                in.denseLayers(), in.layout(), in.dModel(), in.dFfn(), in.nHeads(), RunShape.dHead(in), in.experts(), in.topK(), in.dExpert(),
                in.dShared(), in.gateNorm(), in.lr(), in.batchSeqs(), in.iters(), in.metric(), in.value(), in.note());
    }

    /** Every per-run rule broken by one input; {@code line} is only copied into the errors. */
    static List<RunDataError> runErrors(int line, RunInput in, boolean tokensRequired) {
        Checks c = new Checks(line);
        if (in.runId() != null && !RUN_ID.matcher(in.runId()).matches()) {
            c.add(RunColumn.RUN_ID, "must be 1–64 letters, digits or . _ : - (starting with a letter or digit)");
        }
        c.positive(RunColumn.TABLE, in.table());
        RunKind kind = null;
        if (in.kind() == null) {
            c.add(RunColumn.KIND, "is required (moe or dense)");
        } else {
            kind = RunKind.fromLabel(in.kind()).orElse(null);
            if (kind == null) {
                c.add(RunColumn.KIND, "unknown kind '" + in.kind() + "' (expected moe or dense)");
            }
        }
        c.positive(RunColumn.N_TOTAL, in.nTotal());
        c.positive(RunColumn.N_ACTIVE, in.nActive());
        if (in.rA() != null && !(in.rA() > 0 && in.rA() <= 1)) {
            c.add(RunColumn.R_A, "must lie in (0, 1]");
        }
        c.positive(RunColumn.M_TRAIN_PER_TOKEN, in.mTrainPerToken());
        if (tokensRequired && in.tokens() == null) {
            c.add(RunColumn.TOKENS, "is required");
        }
        c.positive(RunColumn.TOKENS, in.tokens());
        c.positive(RunColumn.UNIQUE_TOKENS, in.uniqueTokens());
        c.positive(RunColumn.EPOCHS, in.epochs());
        c.positive(RunColumn.COMPUTE, in.compute());
        c.positive(RunColumn.SEQ_LEN, in.seqLen());
        c.required(RunColumn.N_LAYERS, in.nLayers());
        c.positive(RunColumn.N_LAYERS, in.nLayers());
        c.required(RunColumn.D_MODEL, in.dModel());
        c.positive(RunColumn.D_MODEL, in.dModel());
        c.required(RunColumn.N_HEADS, in.nHeads());
        c.positive(RunColumn.N_HEADS, in.nHeads());
        c.positive(RunColumn.D_HEAD, in.dHead());
        c.positive(RunColumn.D_FFN, in.dFfn());
        c.positive(RunColumn.LR, in.lr());
        c.positive(RunColumn.BATCH_SEQS, in.batchSeqs());
        c.positive(RunColumn.ITERS, in.iters());
        c.text(RunColumn.LAYOUT, in.layout());
        c.text(RunColumn.NOTE, in.note());
        if (in.denseLayers() != null && in.denseLayers() < 0) {
            c.add(RunColumn.DENSE_LAYERS, "must not be negative");
        }
        if (in.nActive() != null && in.nTotal() != null && in.nActive() > in.nTotal() * ROUNDING) {
            c.add(RunColumn.N_ACTIVE, "must not exceed n_total");
        }
        if (in.dHead() == null && in.dModel() != null && in.nHeads() != null && in.nHeads() > 0
                && in.dModel() % in.nHeads() != 0) {
            c.add(RunColumn.D_HEAD, "is required: d_model (" + in.dModel() + ") is not divisible by n_heads ("
                    + in.nHeads() + ")");
        }
        if (in.metric() == null) {
            c.add(RunColumn.METRIC, "is required");
        } else if (!METRIC.matcher(in.metric()).matches()) {
            c.add(RunColumn.METRIC, "must be a lower-case name like val_bpc or train_loss ([a-z][a-z0-9_]{0,39})");
        }
        c.required(RunColumn.VALUE, in.value());
        c.positive(RunColumn.VALUE, in.value());
        if (kind == RunKind.MOE) {
            moeErrors(c, in);
        } else if (kind == RunKind.DENSE) {
            denseErrors(c, in);
        }
        if (c.errors.isEmpty() && kind != null && needsShape(in)) {
            shapeErrors(c, in, kind);
        }
        return c.errors;
    }

    private static void moeErrors(Checks c, RunInput in) {
        for (RunColumn col : List.of(RunColumn.EXPERTS, RunColumn.TOP_K, RunColumn.D_EXPERT)) {
            Object v = col.get(in);
            if (v == null) {
                c.add(col, "is required for an moe run");
            } else {
                c.positive(col, (Integer) v);
            }
        }
        if (in.dShared() != null && in.dShared() < 0) {
            c.add(RunColumn.D_SHARED, "must not be negative");
        }
        if (in.topK() != null && in.experts() != null && in.topK() > in.experts()) {
            c.add(RunColumn.TOP_K, "must not exceed experts (" + in.experts() + ")");
        }
        if (in.denseLayers() != null && in.nLayers() != null && in.denseLayers() >= in.nLayers()) {
            c.add(RunColumn.DENSE_LAYERS, "must be less than n_layers (" + in.nLayers() + ") for an moe run");
        }
    }

    private static void denseErrors(Checks c, RunInput in) {
        if (in.dFfn() == null) {
            c.add(RunColumn.D_FFN, "is required for a dense run");
        }
        for (RunColumn col : List.of(RunColumn.EXPERTS, RunColumn.TOP_K, RunColumn.D_EXPERT, RunColumn.D_SHARED)) {
            if (col.get(in) != null) {
                c.add(col, "must be empty for a dense run");
            }
        }
        if (in.denseLayers() != null && in.nLayers() != null && !in.denseLayers().equals(in.nLayers())) {
            c.add(RunColumn.DENSE_LAYERS, "must equal n_layers (or be empty) for a dense run");
        }
    }

    /** The shape is needed when a parameter count or the FLOPs per token must be computed from it. */
    private static boolean needsShape(RunInput in) {
        return in.nActive() == null || in.nTotal() == null || (in.compute() == null && in.mTrainPerToken() == null);
    }

    private static void shapeErrors(Checks c, RunInput in, RunKind kind) {
        try {
            RunShape.of(kind, in);
        } catch (InvalidShapeException e) {
            for (InvalidShapeException.Violation v : e.violations()) {
                c.add(columnOf(v.field()), v.message() + " (needed to compute parameters or FLOPs from the shape)");
            }
        }
    }

    private static RunColumn columnOf(String shapeField) {
        return switch (shapeField) {
            case "seqLen" -> RunColumn.SEQ_LEN;
            case "layers" -> RunColumn.N_LAYERS;
            case "denseLayers" -> RunColumn.DENSE_LAYERS;
            case "dModel" -> RunColumn.D_MODEL;
            case "heads", "kvHeads" -> RunColumn.N_HEADS;
            case "headDim" -> RunColumn.D_HEAD;
            case "dFfn" -> RunColumn.D_FFN;
            case "experts" -> RunColumn.EXPERTS;
            case "topK" -> RunColumn.TOP_K;
            case "dExpert" -> RunColumn.D_EXPERT;
            default -> RunColumn.D_SHARED;
        };
    }

    /** Collects the errors of one run. */
    private static final class Checks {
        private final int line;
        private final List<RunDataError> errors = new ArrayList<>();

        Checks(int line) {
            this.line = line;
        }

        void add(RunColumn column, String message) {
            errors.add(new RunDataError(line, column.header(), message));
        }

        void required(RunColumn column, Object value) {
            if (value == null) {
                add(column, "is required");
            }
        }

        void positive(RunColumn column, Double value) {
            if (value != null && !(value > 0 && Double.isFinite(value))) {
                add(column, "must be a positive finite number");
            }
        }

        void positive(RunColumn column, Integer value) {
            if (value != null && value <= 0) {
                add(column, "must be positive");
            }
        }

        void text(RunColumn column, String value) {
            if (value != null && value.length() > MAX_TEXT) {
                add(column, "must be at most " + MAX_TEXT + " characters");
            }
        }
    }
}
