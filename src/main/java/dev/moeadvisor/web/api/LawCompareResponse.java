package dev.moeadvisor.web.api;

import dev.moeadvisor.law.family.AxisCheck;
import dev.moeadvisor.law.family.ImpliedLeverage;
import dev.moeadvisor.law.family.LawComparison;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every law family's verdict on one shape: per law and compute, the EL it implies (against its own compute-optimal
 * dense law), its loss in its own unit, and each axis against its fitted range.
 *
 * @param computes the computes, FLOPs
 * @param laws     one entry per law
 */
public record LawCompareResponse(List<Double> computes, List<Law> laws) {

    /**
     * @param id       law id (as in {@code GET /api/v1/laws})
     * @param name     display name
     * @param unit     the loss unit
     * @param citation source
     * @param points   one per compute
     */
    public record Law(String id, String name, String unit, CitationDto citation, List<Point> points) {
    }

    /**
     * @param computeFlops      the MoE's compute
     * @param leverage          EL; {@code null} when no dense model of the law reaches the loss
     * @param denseComputeFlops the compute-optimal dense model's compute at equal loss; {@code null} likewise
     * @param loss              predicted loss in the law's unit
     * @param variables         the shape in the law's own variables, by axis
     * @param inRange           every axis inside the fitted range
     * @param axes              each axis against its fitted range
     */
    public record Point(double computeFlops, Double leverage, Double denseComputeFlops, double loss,
                        Map<String, Double> variables, boolean inRange, List<Axis> axes) {
    }

    /**
     * @param axis    axis name
     * @param value   the shape's value, in the law's convention
     * @param min     fitted minimum
     * @param max     fitted maximum
     * @param inRange inside {@code [min, max]}
     * @param factor  how far outside, as a multiple (1 inside)
     */
    public record Axis(String axis, double value, double min, double max, boolean inRange, double factor) {
        static Axis of(AxisCheck c) {
            return new Axis(c.axis().key(), c.value(), c.range().min(), c.range().max(), c.inRange(), c.factor());
        }
    }

    static LawCompareResponse of(LawComparison comparison) {
        List<Law> laws = comparison.curves().stream().map(curve -> new Law(curve.law().id(), curve.law().name(),
                curve.law().unit(), CitationDto.of(curve.law().citation()),
                curve.points().stream().map(LawCompareResponse::point).toList())).toList();
        return new LawCompareResponse(comparison.computes(), laws);
    }

    private static Point point(ImpliedLeverage p) {
        Map<String, Double> variables = new LinkedHashMap<>();
        p.point().values().forEach((axis, value) -> variables.put(axis.key(), value));
        return new Point(p.computeFlops(), finite(p.leverage()), finite(p.denseComputeFlops()), p.loss(), variables,
                p.inRange(), p.checks().stream().map(Axis::of).toList());
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
