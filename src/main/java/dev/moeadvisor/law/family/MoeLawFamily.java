package dev.moeadvisor.law.family;

import dev.moeadvisor.law.Citation;
import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.Range;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A published MoE scaling law as a loss model: its own variables, its own loss unit, its fitted ranges, and the
 * dense law of the same paper (or composition) that its efficiency leverage is measured against.
 *
 * <p>Every law converts the advisor's shape conventions (non-embedding parameters, SwiGLU experts,
 * {@code G = 2·d_model/d_expert}, {@code M = 3·(2·N_active + 4·S·L·n_h·d_h)}) to its own in {@link #point}; the
 * conversions are stated in {@link #conventions()} and in each implementation's javadoc.
 */
public interface MoeLawFamily {

    /** Id, name, formula, coefficients, citation, conventions, unit and fitted ranges. */
    LawCard card();

    default String id() {
        return card().id();
    }

    default String name() {
        return card().name();
    }

    default String formula() {
        return card().formula();
    }

    default Map<String, Double> coefficients() {
        return card().coefficients();
    }

    default Citation citation() {
        return card().citation();
    }

    default LawConventions conventions() {
        return card().conventions();
    }

    default String unit() {
        return card().unit();
    }

    /** The ranges the law was fitted on, per axis, in its own convention. */
    default Map<Axis, Range> ranges() {
        return card().ranges();
    }

    /** What each axis means for this law (its convention), for the axes in {@link #ranges()}. */
    default Map<Axis, String> axisMeanings() {
        return card().axisMeanings();
    }

    /**
     * The axis in human words as this law counts it, for sentences: its parameter count as its convention reads
     * ({@link #axisMeanings()}, e.g. "active parameters with embeddings"), otherwise {@link Axis#noun()}.
     */
    default String axisName(Axis axis) {
        return axis == Axis.PARAMS ? axisMeanings().getOrDefault(axis, axis.noun()) : axis.noun();
    }

    /** The shape, trained with {@code computeFlops} under this law's FLOP model, in this law's variables. */
    LawPoint point(ModelShape shape, double computeFlops);

    /**
     * The shape trained on {@code tokens} tokens, in this law's variables: {@link #point} at the compute that buys
     * exactly those tokens under this law's FLOP model. Every family's tokens are {@code C/(FLOPs per token)}, linear
     * in {@code C}, so one probe at 1e20 FLOPs gives the FLOPs per token. For runs whose tokens are known (the
     * evidence page), so that no FLOP convention moves them.
     */
    default LawPoint pointAtTokens(ModelShape shape, double tokens) {
        double probe = 1e20;
        return point(shape, probe * tokens / point(shape, probe).get(Axis.TOKENS));
    }

    /**
     * A dense shape's {@code N} as this law's dense counterpart counts it. Default: non-embedding parameters (active =
     * total for a dense shape).
     */
    default double denseParams(ModelShape denseShape) {
        return ShapeMetrics.of(denseShape).activeParams();
    }

    /**
     * The loss of a dense shape trained on {@code tokens} tokens under this law's dense counterpart {@link #dense()},
     * with {@code N} as this law counts it ({@link #denseParams}).
     */
    default double denseLoss(ModelShape denseShape, double tokens) {
        return dense().loss(denseParams(denseShape), tokens);
    }

    /** The predicted loss at a point, in {@link #unit()}. */
    double loss(LawPoint point);

    /**
     * The dense law the efficiency leverage is measured against (Chinchilla form, {@code C = 6·N·D}, same unit as
     * {@link #loss}).
     */
    DenseLossLaw dense();

    /**
     * The checks outside their fitted range, in words, joined by "; " ({@link AxisCheck#words} with
     * {@link #axisName}); empty when every axis is in range. The one wording of a family's out-of-range axes (plan,
     * evaluate, evidence).
     */
    default String outsideInWords(List<AxisCheck> checks) {
        return String.join("; ", checks.stream().filter(c -> !c.inRange()).map(c -> c.words(axisName(c.axis())))
                .toList());
    }

    /** Where a point lies relative to each fitted range (one check per axis of {@link #ranges()}). */
    default List<AxisCheck> check(LawPoint point) {
        List<AxisCheck> checks = new ArrayList<>();
        ranges().forEach((axis, range) -> checks.add(AxisCheck.of(axis, point.get(axis), range)));
        return checks;
    }
}
