package dev.moeadvisor.web.ui.fits;

import dev.moeadvisor.web.ui.shared.ElChartData;
import dev.moeadvisor.web.ui.shared.NumberFormats;

import dev.moeadvisor.fit.FitPoint;
import dev.moeadvisor.fit.FitResult;
import dev.moeadvisor.fit.Interval;
import dev.moeadvisor.fit.RunResidual;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.service.CurvePoint;

import java.util.ArrayList;
import java.util.List;

/**
 * The three charts of a fit, as {@code web/js/fit-charts.js} reads them. Every value is computed here or by the
 * laws; the script only draws.
 *
 * @param metric    the fitted metric (the axes' unit)
 * @param parity    predicted against observed, per run
 * @param residuals {@code predicted − observed} against Ling's activation ratio A, per run
 * @param el        EL against A for the fitted and the published EL law
 */
public record FitChartData(String metric, Parity parity, Residuals residuals, ElCurves el) {

    /** A run's point; {@code run} names it in the tooltip. */
    public record Point(double x, double y, String run) {
    }

    /**
     * @param fitted   (observed, predicted) per run
     * @param heldOut  (observed, leave-one-out prediction) per run whose refit converged
     * @param diagonal the two ends of the line y = x across the points' range
     */
    public record Parity(List<Point> fitted, List<Point> heldOut, List<double[]> diagonal) {
    }

    /** (A, residual) per MoE run and per dense run (A = 1). */
    public record Residuals(List<Point> moe, List<Point> dense) {
    }

    /**
     * @param title     chart title, with the G and C the curves are drawn at
     * @param fitted    {@code [A, EL]} of the fitted EL law
     * @param published {@code [A, EL]} of Ling's published law (arXiv 2507.17702, Table 2)
     * @param fittedRange {@code [min, max]} of A the fitted law's MoE runs cover (its fitted range), or {@code null}
     *                    when it has none (no MoE run)
     * @param outside   the fixed G or C outside the fitted law's ranges, in words (the curves are drawn at the runs'
     *                  medians, so normally none)
     */
    public record ElCurves(String title, List<double[]> fitted, List<double[]> published, double[] fittedRange,
                           List<String> outside) {
    }

    /** Ling's optimum granularity band is 8–12; without MoE runs the EL curves are drawn at G = 8. */
    static final double DEFAULT_GRANULARITY = 8;

    /** The charts of a finished fit; {@code curves} computes a law's EL curve (the service's). */
    static FitChartData of(FitResult result, List<FitPoint> points, ElCurveSource curves) {
        List<RunResidual> residuals = result.residuals();
        List<Point> fitted = new ArrayList<>();
        List<Point> heldOut = new ArrayList<>();
        List<Point> moe = new ArrayList<>();
        List<Point> dense = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < residuals.size(); i++) {
            RunResidual r = residuals.get(i);
            FitPoint p = points.get(i);
            fitted.add(new Point(r.observed(), r.predicted(), r.runId()));
            lo = Math.min(lo, Math.min(r.observed(), r.predicted()));
            hi = Math.max(hi, Math.max(r.observed(), r.predicted()));
            if (Double.isFinite(r.looPredicted())) {
                heldOut.add(new Point(r.observed(), r.looPredicted(), r.runId()));
                lo = Math.min(lo, r.looPredicted());
                hi = Math.max(hi, r.looPredicted());
            }
            (p.isMoe() ? moe : dense).add(new Point(p.activationRatio(), r.residual(), r.runId()));
        }
        List<double[]> diagonal = List.of(new double[] {lo, lo}, new double[] {hi, hi});
        return new FitChartData(result.metric(), new Parity(fitted, heldOut, diagonal), new Residuals(moe, dense),
                elCurves(result.model().el(), points, curves));
    }

    private static ElCurves elCurves(EfficiencyLeverageLaw fittedLaw, List<FitPoint> points, ElCurveSource curves) {
        double[] granularities = points.stream().filter(FitPoint::isMoe).mapToDouble(FitPoint::granularity).toArray();
        double g = granularities.length == 0 ? DEFAULT_GRANULARITY : Interval.percentile(granularities, 50);
        double c = Interval.percentile(points.stream().mapToDouble(FitPoint::compute).toArray(), 50);
        double lowestA = points.stream().filter(FitPoint::isMoe).mapToDouble(FitPoint::activationRatio).min()
                .orElse(1.0 / 128);
        String title = "EL against A at G = " + NumberFormats.sig(g) + " (" + (granularities.length == 0
                ? "no MoE runs" : "the MoE runs' median") + "), C = " + NumberFormats.sci(c)
                + " FLOPs (the runs' median)";
        return new ElCurves(title, xy(curves.over(fittedLaw, g, c, lowestA)),
                xy(curves.over(EfficiencyLeverageLaw.LING_2025, g, c, lowestA)),
                fittedLaw.range() == null ? null : ElChartData.range(fittedLaw.range().activation()),
                ElChartData.outside(fittedLaw.range(), Double.NaN, g, c));
    }

    private static List<double[]> xy(List<CurvePoint> curve) {
        return curve.stream().map(p -> new double[] {p.x(), p.y()}).toList();
    }

    /** A law's EL curve over A at granularity G and compute C, reaching down to A = {@code lowestA} at least. */
    @FunctionalInterface
    interface ElCurveSource {
        List<CurvePoint> over(EfficiencyLeverageLaw law, double granularity, double computeFlops, double lowestA);
    }
}
