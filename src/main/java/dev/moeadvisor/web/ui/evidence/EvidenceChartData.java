package dev.moeadvisor.web.ui.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moeadvisor.evidence.EvidenceReport;
import dev.moeadvisor.evidence.Fitted;
import dev.moeadvisor.web.ui.shared.ScriptJson;
import io.quarkus.qute.RawString;

import java.util.ArrayList;
import java.util.List;

/**
 * The parity chart as {@code web/js/evidence-chart.js} reads it: per predictor, each pair as
 * {@code [observed %, predicted %]} with its label, split into the pairs it was fitted on (fully or partly) and the
 * held-out ones, so the script draws them apart; {@code range} spans every point, for the diagonal.
 *
 * @param title  chart title
 * @param xLabel x axis name
 * @param yLabel y axis name
 * @param range  {@code [min, max]} over every coordinate, percent
 * @param series one per predictor
 */
public record EvidenceChartData(String title, String xLabel, String yLabel, double[] range, List<Series> series) {

    /** One predictor's points: held out, and fitted (fully or partly). */
    public record Series(String id, String name, List<Point> heldOut, List<Point> fitted) {
    }

    /** One pair: observed and predicted gap in percent, and its MoE run. */
    public record Point(double observed, double predicted, String label) {
    }

    static EvidenceChartData of(EvidenceReport r) {
        List<Series> series = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < r.predictors().size(); j++) {
            List<Point> held = new ArrayList<>();
            List<Point> fitted = new ArrayList<>();
            for (EvidenceReport.Row row : r.rows()) {
                EvidenceReport.Cell c = row.predictions().get(j);
                if (!Double.isFinite(c.predictedGap())) {
                    continue;
                }
                Point p = new Point(100 * row.observedGap(), 100 * c.predictedGap(), row.moeRun() + " vs " + row.denseRun());
                (c.fitted() == Fitted.HELD_OUT ? held : fitted).add(p);
                lo = Math.min(lo, Math.min(p.observed(), p.predicted()));
                hi = Math.max(hi, Math.max(p.observed(), p.predicted()));
            }
            series.add(new Series(r.predictors().get(j).id(), r.predictors().get(j).name(), held, fitted));
        }
        return new EvidenceChartData("Predicted against observed MoE-vs-dense gap, every pair and law (hollow: fitted on it)",
                "observed gap L_moe/L_dense − 1 (%)", "predicted gap (%)",
                lo <= hi ? new double[] {lo, hi} : new double[] {-1, 1}, series);
    }

    RawString toScriptContent(ObjectMapper mapper) {
        return ScriptJson.of(mapper, this);
    }
}
