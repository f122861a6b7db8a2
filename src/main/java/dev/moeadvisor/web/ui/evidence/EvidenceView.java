package dev.moeadvisor.web.ui.evidence;

import dev.moeadvisor.evidence.EvidenceReport;
import dev.moeadvisor.evidence.Fitted;
import io.quarkus.qute.RawString;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code /evidence} page: per source, every predictor's error on the source's MoE-vs-dense gaps (RMSE over all
 * pairs and over the held-out ones, bias, what it was fitted on, how many pairs lie in its range); every pair with
 * each prediction; and the parity chart's data.
 *
 * @param defaultFitPending the default fit is still computing and absent
 * @param predictors        the columns
 * @param sources           one block per source
 * @param rows              one per pair
 * @param chartData         the parity chart's JSON
 */
public record EvidenceView(boolean defaultFitPending, List<Column> predictors, List<Source> sources, List<Pair> rows,
                           RawString chartData) {

    /**
     * A predictor column: id, name, kind ({@code law} or {@code fit}), unit, and the sources it was fitted on in words
     * ("fitted on none of these sources" for the published laws).
     */
    public record Column(String id, String name, String kind, String unit, String fittedOn) {
    }

    /** A source's row of the summary table. */
    public record Source(String slug, String name, String citation, int pairs, List<SummaryCell> cells) {
    }

    /**
     * One predictor on one source.
     *
     * @param predictor   its id
     * @param rmse        RMSE over all pairs, percentage points
     * @param heldOutRmse over the held-out pairs, or "—" when none is held out
     * @param bias        mean error, percentage points
     * @param fitted      "held out", "fitted", or the mix ("12 partly fitted · 8 held out")
     * @param heldOut     every pair held out
     * @param inRange     "in range k/n"
     */
    public record SummaryCell(String predictor, String rmse, String heldOutRmse, String bias, String fitted,
                              boolean heldOut, String inRange) {
    }

    /** One pair: observed gap and each prediction. */
    public record Pair(String source, String moeRun, String denseRun, String matchedOn, String observed,
                       List<PairCell> cells) {
    }

    /** One prediction of a pair's gap: predicted gap, error, fitted status, in range, the axes outside. */
    public record PairCell(String predictor, String predicted, String error, String fitted, boolean heldOut,
                           boolean inRange, String outside) {
    }

    static EvidenceView of(EvidenceReport r, boolean defaultFitPending, RawString chartData) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        r.sources().forEach(s -> names.put(s.slug(), s.name()));
        List<Column> cols = r.predictors().stream().map(p -> new Column(p.id(), p.name(), p.kind(), p.unit(),
                p.fittedOn().isEmpty() ? "fitted on none of these sources"
                        : "fitted on " + String.join(", ", p.fittedOn().stream().map(names::get).toList()))).toList();
        List<Source> sources = new ArrayList<>();
        for (EvidenceReport.SourceInfo s : r.sources()) {
            List<SummaryCell> cells = r.predictors().stream().map(p -> cell(r.summary(s.slug(), p.id()))).toList();
            sources.add(new Source(s.slug(), s.name(), s.citation(), s.pairs(), cells));
        }
        List<Pair> rows = r.rows().stream().map(row -> new Pair(row.source(), row.moeRun(), row.denseRun(),
                row.matchedOn(), percent(row.observedGap()), row.predictions().stream().map(c -> new PairCell(
                        c.predictor(), percent(c.predictedGap()), points(c.error()), c.fitted().words(),
                        c.fitted() == Fitted.HELD_OUT, c.inRange(), c.outside())).toList())).toList();
        return new EvidenceView(defaultFitPending, cols, sources, rows, chartData);
    }

    private static SummaryCell cell(EvidenceReport.Summary s) {
        int partly = s.pairs() - s.fitted() - s.heldOut();
        String fitted;
        if (s.heldOut() == s.pairs()) {
            fitted = Fitted.HELD_OUT.words();
        } else if (s.fitted() == s.pairs()) {
            fitted = Fitted.FITTED.words();
        } else {
            List<String> parts = new ArrayList<>();
            if (s.fitted() > 0) {
                parts.add(s.fitted() + " fitted");
            }
            if (partly > 0) {
                parts.add(partly + " partly fitted");
            }
            if (s.heldOut() > 0) {
                parts.add(s.heldOut() + " held out");
            }
            fitted = String.join(" · ", parts);
        }
        return new SummaryCell(s.predictor(), points(s.rmse()).replace("+", ""),
                s.heldOutRmse() == null ? "—" : points(s.heldOutRmse()).replace("+", ""), points(s.meanError()),
                fitted, s.heldOut() == s.pairs(), "in range " + s.inRange() + "/" + s.pairs());
    }

    /** A gap as a signed percentage: "−12.23%". */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%+.2f%%", 100 * fraction).replace('-', '−');
    }

    /** An error as signed percentage points: "+5.45". */
    static String points(double fraction) {
        return String.format(Locale.ROOT, "%+.2f", 100 * fraction).replace('-', '−');
    }
}
