package dev.moeadvisor.web.ui.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moeadvisor.law.Range;
import dev.moeadvisor.service.CurvePoint;
import dev.moeadvisor.service.Evaluation;
import dev.moeadvisor.shape.ShapeMetrics;
import io.quarkus.qute.RawString;

import java.util.List;

/**
 * The two EL charts of an MoE evaluation, as {@code web/js/evaluate-charts.js} reads them: every value comes from
 * the server's EL law; the script only draws.
 *
 * @param activation  EL against Ling's activation ratio A at this shape's G and compute
 * @param granularity EL against granularity G at this shape's A and compute
 */
public record ElChartData(Chart activation, Chart granularity) {

    /**
     * One chart.
     *
     * @param title       chart title
     * @param xLabel      x axis name
     * @param logBase     base of the logarithmic x axis
     * @param curve       {@code [x, EL]} points of the law
     * @param point       {@code [x, EL]} of this shape
     * @param fittedRange {@code [min, max]} of x the law was fitted on
     */
    public record Chart(String title, String xLabel, int logBase, List<double[]> curve, double[] point,
                        double[] fittedRange) {
    }

    public static ElChartData of(Evaluation e, List<CurvePoint> overActivation, List<CurvePoint> overGranularity) {
        ShapeMetrics m = e.metrics();
        double c = e.budget().computeFlops();
        double el = e.efficiencyLeverage();
        Chart a = new Chart("EL against activation ratio A (G = " + NumberFormats.sig(m.granularity()) + ", C = "
                + NumberFormats.sci(c) + " FLOPs)", "A = (k+s)/(E+s)", 10, points(overActivation),
                new double[] {m.activationRatioLing(), el}, range(e.elLaw().range().activation()));
        Chart g = new Chart("EL against granularity G (A = " + NumberFormats.percent(m.activationRatioLing())
                + ", C = " + NumberFormats.sci(c) + " FLOPs)", "G = 2·d_model/d_expert", 2, points(overGranularity),
                new double[] {m.granularity(), el}, range(e.elLaw().range().granularity()));
        return new ElChartData(a, g);
    }

    /** This data as the content of a {@code <script type="application/json">} element. */
    public RawString toScriptContent(ObjectMapper mapper) {
        return ScriptJson.of(mapper, this);
    }

    public static List<double[]> points(List<CurvePoint> curve) {
        return curve.stream().map(p -> new double[] {p.x(), p.y()}).toList();
    }

    public static double[] range(Range r) {
        return new double[] {r.min(), r.max()};
    }
}
