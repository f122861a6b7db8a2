package dev.moeadvisor.law.family;

import dev.moeadvisor.shape.ModelShape;

import java.util.List;

/**
 * What every published law family says of one shape at one compute (a plan's recommendation or alternative at the
 * plan's compute): per law the EL it implies, its loss in its own unit and where the shape lies against its fitted
 * ranges ({@link ImpliedLeverage}). Each law reads the compute through its own FLOP model, so its tokens are its own.
 * A dense shape has no verdicts (the families describe MoE shapes).
 *
 * @param label        which shape, e.g. "recommended", "alternative 2"
 * @param shape        the shape
 * @param computeFlops the compute
 * @param laws         one per law, in {@link LawFamilies#PUBLISHED} order; empty for a dense shape
 */
public record ShapeVerdicts(String label, ModelShape shape, double computeFlops, List<ImpliedLeverage> laws) {

    public ShapeVerdicts {
        laws = List.copyOf(laws);
    }

    public static ShapeVerdicts of(String label, ModelShape shape, double computeFlops) {
        List<ImpliedLeverage> laws = shape.isMoe()
                ? LawFamilies.PUBLISHED.stream().map(l -> ImpliedLeverage.of(l, shape, computeFlops)).toList()
                : List.of();
        return new ShapeVerdicts(label, shape, computeFlops, laws);
    }

    /** The axes of one verdict outside the law's fitted ranges, in words: "experts 16 ∉ [64, 64] (4×)". */
    public static String outsideInWords(ImpliedLeverage v) {
        return String.join("; ", v.outOfRange().stream().map(c -> String.format(java.util.Locale.ROOT,
                "%s %.3g ∉ [%.3g, %.3g] (%.2g×)", c.axis().key(), c.value(), c.range().min(), c.range().max(),
                c.factor())).toList());
    }
}
