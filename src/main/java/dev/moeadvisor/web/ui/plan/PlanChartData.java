package dev.moeadvisor.web.ui.plan;

import dev.moeadvisor.envelope.Evidence;
import dev.moeadvisor.law.Range;
import dev.moeadvisor.web.ui.shared.ElChartData;
import dev.moeadvisor.web.ui.shared.NumberFormats;

import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.plan.Candidate;
import dev.moeadvisor.service.CurvePoint;

import java.util.List;

/**
 * The two charts of a plan, as {@code web/js/plan-charts.js} reads them; every value is computed here, the script
 * only draws.
 *
 * @param loss        predicted loss against Ling's activation ratio A, one point per returned candidate
 * @param granularity EL against G at the recommendation's A and the plan's compute, from the plan's EL law; the band is
 *                    the law's fitted G range, and a fixed A or C outside the law's ranges marks the whole curve
 * @param compute     EL of the recommended MoE shape (its A and G) against compute C, from the plan's EL law; the band
 *                    is the compute the model's evidence covers (its envelope), dashes outside it, and an A or G
 *                    outside the envelope marks the whole curve
 */
public record PlanChartData(LossChart loss, ElChartData.Chart granularity, ElChartData.Chart compute) {

    /**
     * Predicted loss of each returned shape.
     *
     * @param title  chart title
     * @param xLabel x axis name (logarithmic)
     * @param yLabel y axis name, with the loss unit
     * @param points one per candidate: the recommendation, the alternatives, the dense baseline at A = 1
     */
    public record LossChart(String title, String xLabel, String yLabel, List<LossPoint> points) {
    }

    /**
     * One shape on the loss chart.
     *
     * @param x     A
     * @param y     predicted loss
     * @param label what the shape is ({@code E=64 k=4 +1 shared, G=8})
     * @param role  {@code recommended}, {@code alternative} or {@code dense}
     */
    public record LossPoint(double x, double y, String label, String role) {
    }

    static PlanChartData of(List<CandidateView> candidates, double computeFlops, String unit,
                            EfficiencyLeverageLaw law, List<CurvePoint> elOverGranularity, Evidence evidence,
                            List<CurvePoint> elOverCompute) {
        LossChart loss = lossChart(candidates, computeFlops, unit);
        Candidate rec = candidates.stream().filter(CandidateView::recommended).findFirst().orElseThrow().candidate();
        ElChartData.Chart g = new ElChartData.Chart("EL against granularity G (A = "
                + NumberFormats.percent(rec.activationRatio()) + ", C = " + NumberFormats.sci(computeFlops) + " FLOPs)",
                "G = 2·d_model/d_expert", 2, ElChartData.points(elOverGranularity),
                new double[] {rec.granularity(), rec.efficiencyLeverage()}, ElChartData.range(law.range().granularity()),
                ElChartData.outside(law.range(), rec.activationRatio(), Double.NaN, computeFlops));
        ElChartData.Chart c = new ElChartData.Chart("EL of the recommended shape against compute C (A = "
                + NumberFormats.percent(rec.activationRatio()) + ", G = " + NumberFormats.sig(rec.granularity()) + ")",
                "C (FLOPs)", 10, ElChartData.points(elOverCompute),
                new double[] {computeFlops, rec.efficiencyLeverage()}, ElChartData.range(evidence.computeFlops()),
                ElChartData.outside(evidence.activationRatio(), evidence.granularity(), Range.ANY,
                        rec.activationRatio(), rec.granularity(), Double.NaN, "model's evidence"), "model's evidence");
        return new PlanChartData(loss, g, c);
    }

    /**
     * The loss chart alone, for a plan ranked by a law family without an EL law of Ling's form (its EL under every
     * law is the plan page's law-recommendations chart).
     */
    static PlanChartData lossOnly(List<CandidateView> candidates, double computeFlops, String unit) {
        return new PlanChartData(lossChart(candidates, computeFlops, unit), null, null);
    }

    private static LossChart lossChart(List<CandidateView> candidates, double computeFlops, String unit) {
        List<LossPoint> points = candidates.stream().map(c -> new LossPoint(c.candidate().activationRatio(),
                c.candidate().loss(), label(c), c.role())).toList();
        return new LossChart("Predicted loss against activation ratio A (C = " + NumberFormats.sci(computeFlops)
                + " FLOPs)", "A = (k+s)/(E+s)", "predicted loss, " + unit, points);
    }

    private static String label(CandidateView c) {
        String shape = c.experts() + (c.moe() ? ", G=" + NumberFormats.sig(c.candidate().granularity()) : "");
        return shape + ", " + NumberFormats.params(c.candidate().totalParams()) + " total, loss "
                + NumberFormats.fixed4(c.candidate().loss());
    }
}
