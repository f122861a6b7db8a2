package dev.moeadvisor.web.ui.datasets;

import dev.moeadvisor.web.ui.shared.NumberFormats;

import dev.moeadvisor.runs.TrainingRun;

import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A data set's runs as a sortable table: each cell carries the text shown (written by {@link NumberFormats}) and
 * the key {@code web/js/sortable-table.js} sorts by (the number itself, or the text).
 *
 * @param columns the header
 * @param rows    one per run, in the data set's order
 */
public record RunTable(List<Column> columns, List<List<Cell>> rows) {

    /** A header cell; numeric columns sort as numbers and align right. */
    public record Column(String label, String title, boolean numeric) {
    }

    /** A body cell: the text shown, the sort key, and whether it is a number (aligned right). */
    public record Cell(String text, String sortKey, boolean numeric) {
    }

    private record Def(Column column, Function<TrainingRun, Cell> cell) {
    }

    private static final List<Def> DEFS = List.of(
            text("Run", "run id", TrainingRun::runId),
            number("Table", "source table", r -> r.table() == null ? Double.NaN : r.table(), RunTable::whole),
            text("Kind", "moe or dense", r -> r.kind().label()),
            number("N_total", "non-embedding total parameters", TrainingRun::totalParams, NumberFormats::params),
            number("N_active", "non-embedding active parameters", TrainingRun::activeParams, NumberFormats::params),
            number("A (Ling)", "activation ratio (k+s)/(E+s)", TrainingRun::activationRatio, NumberFormats::percent),
            number("G", "granularity 2·d_model/d_expert", TrainingRun::granularity, NumberFormats::sig),
            number("Tokens", "tokens consumed D", r -> boxed(r.tokens()), NumberFormats::tokens),
            number("Unique tokens", "unique tokens U (blank: all unique)", r -> boxed(r.uniqueTokens()),
                    NumberFormats::tokens),
            number("Epochs", "passes over the unique data (D/U when not given)", RunTable::epochs, NumberFormats::sig),
            text("Metric", "what value measures", TrainingRun::metric),
            number("Value", "the final metric", TrainingRun::value, NumberFormats::sig));

    static RunTable of(List<TrainingRun> runs) {
        return new RunTable(DEFS.stream().map(Def::column).toList(),
                runs.stream().map(r -> DEFS.stream().map(d -> d.cell().apply(r)).toList()).toList());
    }

    private static Def text(String label, String title, Function<TrainingRun, String> value) {
        return new Def(new Column(label, title, false), r -> {
            String v = value.apply(r);
            return new Cell(v == null ? "" : v, v == null ? "" : v, false);
        });
    }

    private static Def number(String label, String title, ToDoubleFunction<TrainingRun> value,
                              DoubleFunction<String> format) {
        return new Def(new Column(label, title, true), r -> {
            double x = value.applyAsDouble(r);
            return new Cell(format.apply(x), Double.isFinite(x) ? Double.toString(x) : "", true);
        });
    }

    /** The run's epochs as given, else D/U when both are known; unknown (a dash) without unique tokens. */
    private static double epochs(TrainingRun r) {
        if (r.epochs() != null) {
            return r.epochs();
        }
        return r.tokens() != null && r.uniqueTokens() != null && r.uniqueTokens() > 0
                ? r.tokens() / r.uniqueTokens() : Double.NaN;
    }

    private static double boxed(Double x) {
        return x == null ? Double.NaN : x;
    }

    private static String whole(double x) {
        return Double.isFinite(x) ? Long.toString((long) x) : NumberFormats.NONE;
    }
}
