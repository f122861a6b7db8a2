package dev.moeadvisor.web.ui.plan;

import dev.moeadvisor.plan.Candidate;
import dev.moeadvisor.service.LawRecommendations;
import dev.moeadvisor.web.ui.shared.NumberFormats;
import io.quarkus.qute.RawString;

import java.util.List;

/**
 * "What each law recommends for this budget" on a plan's page: one row per law (the plan's model first, then
 * {@code ling-2025} and every published law family), each law's own recommendation for the plan's request, formatted;
 * and the EL-against-compute chart of the plan's recommended shape under every law family
 * ({@code web/js/laws-compare-chart.js}, data from {@code LawCompareChartData}).
 *
 * @param rows        one per law
 * @param chartData   the chart's JSON ({@code null} when the plan recommends no MoE shape)
 * @param unavailable why the table could not be computed now (the plan capacity is busy, or the deadline passed),
 *                    else {@code null}
 */
public record LawRecommendationsView(List<Row> rows, RawString chartData, String unavailable) {

    /**
     * One law's recommendation, formatted. {@code feasible} false: {@code infeasible} says why, the rest is empty.
     *
     * @param id        the model id, for the row's element id
     * @param name      the law, for people
     * @param planModel the plan's own model
     * @param experts   "64 / top-4 + 1 shared" or "dense"
     * @param granularity Ling's G
     * @param activation Ling's A
     * @param leverage  EL as this law defines it
     * @param dModel    d_model
     * @param layers    layers
     * @param dExpert   expert width ("—" for dense)
     * @param loss      the law's predicted loss, 4 decimals
     * @param unit      its unit
     * @param inRange   every axis inside the law's fitted ranges (or its model's evidence)
     * @param outside   the axes outside, in words
     */
    public record Row(String id, String name, boolean planModel, boolean feasible, String experts, String granularity,
                      String activation, String leverage, String dModel, String layers, String dExpert, String loss,
                      String unit, boolean inRange, String outside, String infeasible) {

        static Row of(LawRecommendations.Row r) {
            if (r.recommended().isEmpty()) {
                return new Row(r.model(), r.name(), r.planModel(), false, "", "", "", "", "", "", "", "", r.unit(), true,
                        "", r.infeasible());
            }
            Candidate c = r.recommended().get();
            boolean moe = c.isMoe();
            String experts = moe ? c.shape().experts() + " / top-" + c.shape().topK()
                    + (c.shape().sharedExperts() > 0 ? " + " + c.shape().sharedExperts() + " shared" : "") : "dense";
            return new Row(r.model(), r.name(), r.planModel(), true, experts,
                    moe ? NumberFormats.sig(c.granularity()) : NumberFormats.NONE,
                    NumberFormats.percent(c.activationRatio()),
                    Double.isFinite(c.efficiencyLeverage()) ? NumberFormats.sig(c.efficiencyLeverage()) : "unbounded",
                    Integer.toString(c.shape().dModel()), Integer.toString(c.shape().layers()),
                    moe ? Integer.toString(c.shape().dExpert()) : NumberFormats.NONE, NumberFormats.fixed4(c.loss()),
                    r.unit(), r.inRange(), r.outsideInWords(), null);
        }
    }

    static LawRecommendationsView of(LawRecommendations r, RawString chartData) {
        return new LawRecommendationsView(r.rows().stream().map(Row::of).toList(), chartData, null);
    }

    static LawRecommendationsView unavailable(String why) {
        return new LawRecommendationsView(List.of(), null, why);
    }
}
