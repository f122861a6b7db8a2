package dev.moeadvisor.web.ui.laws;

import dev.moeadvisor.web.ui.shared.ScriptJson;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moeadvisor.law.family.ImpliedLeverage;
import dev.moeadvisor.law.family.LawComparison;
import io.quarkus.qute.RawString;

import java.util.ArrayList;
import java.util.List;

/**
 * EL against compute for one shape under every law family, as {@code web/js/laws-compare-chart.js} reads it. Each
 * law is two series over the same computes: {@code solid} holds the points inside every fitted range of the law,
 * {@code dashed} the points outside and their in-range neighbours (so the two lines join); {@code null} elsewhere.
 * The split is made here; the script only draws.
 *
 * @param title  chart title
 * @param xLabel x axis name
 * @param laws   one entry per law
 */
public record LawCompareChartData(String title, String xLabel, List<Law> laws) {

    /**
     * @param id     law id
     * @param name   legend name
     * @param solid  {@code [C, EL]} inside the fitted ranges, else {@code null}
     * @param dashed {@code [C, EL]} outside them (and the in-range points next to them), else {@code null}
     */
    public record Law(String id, String name, List<double[]> solid, List<double[]> dashed) {
    }

    public static LawCompareChartData of(LawComparison comparison, String shapeName) {
        List<Law> laws = new ArrayList<>();
        for (LawComparison.Curve curve : comparison.curves()) {
            List<ImpliedLeverage> p = curve.points();
            List<double[]> solid = new ArrayList<>();
            List<double[]> dashed = new ArrayList<>();
            for (int i = 0; i < p.size(); i++) {
                double[] xy = Double.isFinite(p.get(i).leverage())
                        ? new double[] {p.get(i).computeFlops(), p.get(i).leverage()} : null;
                boolean in = p.get(i).inRange();
                boolean nextToOut = (i > 0 && !p.get(i - 1).inRange()) || (i + 1 < p.size() && !p.get(i + 1).inRange());
                solid.add(in ? xy : null);
                dashed.add(!in || nextToOut ? xy : null);
            }
            laws.add(new Law(curve.law().id(), curve.law().name(), solid, dashed));
        }
        return new LawCompareChartData("EL each law implies for " + shapeName + " (solid: inside the law's fitted ranges)",
                "training compute C (FLOPs)", laws);
    }

    /** This data as the content of a {@code <script type="application/json">} element. */
    public RawString toScriptContent(ObjectMapper mapper) {
        return ScriptJson.of(mapper, this);
    }
}
