package dev.moeadvisor.law.family;

import dev.moeadvisor.shape.ModelShape;

import java.util.ArrayList;
import java.util.List;

/**
 * Every law family's verdict on one MoE shape over a list of computes: the EL each implies, its loss in its own unit
 * and where each point lies relative to its fitted ranges. Bounded: at most {@link #MAX_COMPUTES} computes.
 *
 * @param shape    the shape
 * @param computes the computes, FLOPs
 * @param curves   one curve per law, in {@link LawFamilies#PUBLISHED} order
 */
public record LawComparison(ModelShape shape, List<Double> computes, List<Curve> curves) {

    /** The most computes one comparison evaluates. */
    public static final int MAX_COMPUTES = 64;

    /** One law's verdicts, one per compute. */
    public record Curve(MoeLawFamily law, List<ImpliedLeverage> points) {
    }

    /**
     * Compares the published laws on {@code shape}.
     *
     * @throws IllegalArgumentException when the shape is dense or there are no or too many computes
     */
    public static LawComparison of(ModelShape shape, List<Double> computes) {
        if (!shape.isMoe()) {
            throw new IllegalArgumentException("the law families describe MoE shapes");
        }
        if (computes.isEmpty() || computes.size() > MAX_COMPUTES) {
            throw new IllegalArgumentException("between 1 and " + MAX_COMPUTES + " computes");
        }
        List<Curve> curves = new ArrayList<>();
        for (MoeLawFamily law : LawFamilies.PUBLISHED) {
            curves.add(new Curve(law, computes.stream().map(c -> ImpliedLeverage.of(law, shape, c)).toList()));
        }
        return new LawComparison(shape, List.copyOf(computes), List.copyOf(curves));
    }

    /**
     * {@code points} computes spaced evenly in {@code log C} from {@code min} to {@code max} inclusive (the ends exactly)
     * ({@code 2 ≤ points ≤ MAX_COMPUTES}, {@code 0 < min < max}).
     */
    public static List<Double> logSpaced(double min, double max, int points) {
        if (!(min > 0 && max > min) || points < 2 || points > MAX_COMPUTES) {
            throw new IllegalArgumentException("need 0 < min < max and 2 ≤ points ≤ " + MAX_COMPUTES);
        }
        double lo = Math.log(min);
        double step = (Math.log(max) - lo) / (points - 1);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            out.add(i == 0 ? min : i == points - 1 ? max : Math.exp(lo + i * step));
        }
        return out;
    }
}
