package dev.moeadvisor.web.ui.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
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
     * @param fittedRange {@code [min, max]} of x the law was fitted on (or the model's evidence covers), or
     *                    {@code null} when not known
     * @param outside     the axes held fixed along the curve that lie outside the law's fitted range, in words
     *                    ("C = 1e22 FLOPs outside the fitted [1e18, 6e20]"); when any, the whole curve is an
     *                    extrapolation and the script draws it dashed, band or not
     * @param bandLabel   what the band is ("fitted range", "model's evidence")
     */
    public record Chart(String title, String xLabel, int logBase, List<double[]> curve, double[] point,
                        double[] fittedRange, List<String> outside, String bandLabel) {
        public Chart {
            outside = List.copyOf(outside);
        }

        /** A chart whose band is the law's fitted range. */
        public Chart(String title, String xLabel, int logBase, List<double[]> curve, double[] point,
                     double[] fittedRange, List<String> outside) {
            this(title, xLabel, logBase, curve, point, fittedRange, outside, "fitted range");
        }
    }

    public static ElChartData of(Evaluation e, List<CurvePoint> overActivation, List<CurvePoint> overGranularity) {
        ShapeMetrics m = e.metrics();
        double c = e.budget().computeFlops();
        double el = e.efficiencyLeverage();
        EfficiencyLeverageLaw.ElRange r = e.elLaw().range();
        Chart a = new Chart("EL against activation ratio A (G = " + NumberFormats.sig(m.granularity()) + ", C = "
                + NumberFormats.sci(c) + " FLOPs)", "A = (k+s)/(E+s)", 10, points(overActivation),
                new double[] {m.activationRatioLing(), el}, range(r.activation()),
                outside(r, Double.NaN, m.granularity(), c));
        Chart g = new Chart("EL against granularity G (A = " + NumberFormats.percent(m.activationRatioLing())
                + ", C = " + NumberFormats.sci(c) + " FLOPs)", "G = 2·d_model/d_expert", 2, points(overGranularity),
                new double[] {m.granularity(), el}, range(r.granularity()),
                outside(r, m.activationRatioLing(), Double.NaN, c));
        return new ElChartData(a, g);
    }

    /**
     * The fixed axes of a curve (those given; {@code NaN} for the axis the curve runs along) that lie outside the
     * EL law's fitted ranges, in words.
     */
    public static List<String> outside(EfficiencyLeverageLaw.ElRange r, double activationRatio, double granularity,
                                       double computeFlops) {
        return r == null ? List.of() : outside(r.activation(), r.granularity(), r.compute(), activationRatio,
                granularity, computeFlops, "fitted");
    }

    /**
     * The same for any ranges (a law's fitted ranges, or a model's evidence envelope, {@code what} naming which):
     * each given value outside its range, in words; an open range never excludes.
     */
    public static List<String> outside(Range activation, Range granularity, Range compute, double activationRatio,
                                       double g, double computeFlops, String what) {
        List<String> out = new java.util.ArrayList<>();
        if (!Double.isNaN(activationRatio) && !activation.contains(activationRatio)) {
            out.add("A = " + NumberFormats.percent(activationRatio) + " outside the " + what + " "
                    + NumberFormats.percent(activation.min()) + "–" + NumberFormats.percent(activation.max()));
        }
        if (!Double.isNaN(g) && !granularity.contains(g)) {
            out.add("G = " + NumberFormats.sig(g) + " outside the " + what + " " + NumberFormats.interval(granularity));
        }
        if (!Double.isNaN(computeFlops) && !compute.contains(computeFlops)) {
            out.add("C = " + NumberFormats.sci(computeFlops) + " FLOPs outside the " + what + " "
                    + NumberFormats.sci(compute.min()) + "–" + NumberFormats.sci(compute.max()));
        }
        return out;
    }

    /** This data as the content of a {@code <script type="application/json">} element. */
    public RawString toScriptContent(ObjectMapper mapper) {
        return ScriptJson.of(mapper, this);
    }

    public static List<double[]> points(List<CurvePoint> curve) {
        return curve.stream().map(p -> new double[] {p.x(), p.y()}).toList();
    }

    /** {@code [min, max]}, or {@code null} for a range open on a side (nothing to shade). */
    public static double[] range(Range r) {
        return Double.isFinite(r.min()) && Double.isFinite(r.max()) ? new double[] {r.min(), r.max()} : null;
    }
}
