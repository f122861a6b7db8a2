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

    /**
     * The axes of one verdict outside its law's fitted ranges, in words ({@link MoeLawFamily#outsideInWords}):
     * "expansion rate E 4.0× below the fitted range (64 only)".
     */
    public static String outsideInWords(ImpliedLeverage v) {
        return LawFamilies.byId(v.lawId()).map(l -> l.outsideInWords(v.checks()))
                .orElseThrow(() -> new IllegalArgumentException("unknown law " + v.lawId()));
    }
}
