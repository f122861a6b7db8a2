package dev.moeadvisor.plan;

import dev.moeadvisor.law.family.ImpliedLeverage;
import dev.moeadvisor.law.family.LawPoint;
import dev.moeadvisor.law.family.MoeLawFamily;
import dev.moeadvisor.law.family.Axis;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;

import java.util.List;

/**
 * The exhaustive search of a {@link SearchSpace} ranked by a published MoE law family ({@link MoeLawFamily}) instead
 * of the composed loss model: the same grid (d_model × L × d_expert × dense first layers × k × E, dense: d_model × L ×
 * d_ffn), the same constraints and counts ({@link Tally#failures}), the same diversity buckets per (E, k) and the same
 * order of shapes as the brute force, with the law's own variables:
 * <ul>
 *   <li>a shape's tokens at the budget's compute follow from the law's FLOP model ({@link MoeLawFamily#point}), and
 *       so do its epochs and the "too few tokens" check;</li>
 *   <li>its loss is the law's, in the law's unit: {@code L = law.loss(law.point(shape, C))};</li>
 *   <li>its EL is the one the law implies ({@link ImpliedLeverage}: the compute the law's compute-optimal dense model
 *       needs to reach that loss, over {@code C});</li>
 *   <li>a dense shape is scored by the law's dense counterpart ({@link MoeLawFamily#dense()}) at its FLOP model
 *       {@code C = 6·N·D}, {@code N} as the law counts it ({@link MoeLawFamily#denseParams}).</li>
 * </ul>
 * It builds every shape (the family laws have no shared EL term the fast search's bounds rest on), so it costs what
 * the brute force costs; callers admit the grid first ({@link Planner#admit}), and {@link SearchLimits#check()} stops
 * it once per (d_model, layers) block past the deadline or when cancelled. A bucket's best is
 * "extrapolated" when any axis of it lies outside the law's fitted ranges ({@link ImpliedLeverage#inRange()}).
 */
final class FamilySearch {

    private final SearchSpace space;
    private final MoeLawFamily law;
    private final SearchLimits limits;

    FamilySearch(SearchSpace space, MoeLawFamily law, SearchLimits limits) {
        this.space = space;
        this.law = law;
        this.limits = limits;
    }

    MoeLawFamily law() {
        return law;
    }

    ShapeSearch.Outcome moe() {
        PlanRequest r = space.request();
        int[] experts = space.experts();
        int[] topKs = space.topKs();
        double c = r.computeFlops();
        Tally tally = tally(c, experts.length * topKs.length);
        for (int dModel : space.dModels()) {
            boolean trainable = false;
            boolean any = false;
            int[] expertWidths = space.expertWidths(dModel);
            for (int layers : space.layers(dModel)) {
                limits.check();
                int maxDense = space.maxDenseLayers(layers);
                for (int dExpert : expertWidths) {
                    for (int dense = r.minDenseLayers(); dense <= maxDense; dense++) {
                        for (int ki = 0; ki < topKs.length; ki++) {
                            for (int ei = 0; ei < experts.length; ei++) {
                                if (experts[ei] <= topKs[ki] || !space.buildable(dense, dExpert, topKs[ki])) {
                                    continue;
                                }
                                any = true;
                                trainable |= offerMoe(tally, space.moe(dModel, layers, dense, dExpert, experts[ei],
                                        topKs[ki]), ei * topKs.length + ki, c);
                            }
                        }
                    }
                }
            }
            if (any && !trainable) {
                break;
            }
        }
        return outcome(tally);
    }

    ShapeSearch.Outcome dense(double computeFlops) {
        Tally tally = tally(computeFlops, 1);
        for (int dModel : space.dModels()) {
            boolean trainable = false;
            boolean any = false;
            int[] ffnWidths = space.denseFfnWidths(dModel);
            for (int layers : space.layers(dModel)) {
                limits.check();
                for (int dFfn : ffnWidths) {
                    any = true;
                    trainable |= offerDense(tally, space.dense(dModel, layers, dFfn), computeFlops);
                }
            }
            if (any && !trainable) {
                break;
            }
        }
        return outcome(tally);
    }

    /**
     * One shape at the request's compute, checked against every constraint and scored as the search scores it (MoE by
     * the law, dense by its dense counterpart); empty when it fails a constraint.
     */
    java.util.Optional<Candidate> scored(ModelShape shape) {
        double c = space.request().computeFlops();
        Tally one = tally(c, 1);
        if (shape.isMoe()) {
            offerMoe(one, shape, 0, c);
        } else {
            offerDense(one, shape, c);
        }
        return one.bucketBests().stream().findFirst();
    }

    SearchSpace space() {
        return space;
    }

    /**
     * A tally for the constraints and counts only: the family search scores shapes itself and never asks the tally
     * for a loss ({@link Tally#offer} and {@link Tally#candidate} are not called), so it holds no loss model.
     */
    private Tally tally(double computeFlops, int buckets) {
        return new Tally(space.request(), null, computeFlops, buckets);
    }

    private boolean offerMoe(Tally tally, ModelShape shape, int bucket, double c) {
        ShapeMetrics m = ShapeMetrics.of(shape);
        LawPoint point = law.point(shape, c);
        double tokens = point.get(Axis.TOKENS);
        double epochs = tally.epochs(tokens);
        int failed = tally.failures(m.totalParams(), m.activeParams(), c / tokens, epochs, true, shape.experts(),
                m.activationRatioLing());
        if (tally.checksGpuMemory(failed)) {
            failed |= tally.gpuFailure(shape);
        }
        tally.count(failed, m.totalParams(), m.activeParams(), c / tokens);
        if (Tally.scored(failed)) {
            double loss = law.loss(point);
            if (failed != 0) {
                tally.soleFailure(failed, loss);
            } else if (tally.improves(bucket, loss, m.totalParams())) {
                ImpliedLeverage el = ImpliedLeverage.at(law, point, c);
                tally.keep(bucket, new Candidate(shape, m, tokens, epochs, loss, el.leverage(), !el.inRange()));
            }
        }
        return Tally.trainable(failed);
    }

    private boolean offerDense(Tally tally, ModelShape shape, double c) {
        ShapeMetrics m = ShapeMetrics.of(shape);
        double perToken = 6.0 * law.denseParams(shape);
        double tokens = c / perToken;
        double epochs = tally.epochs(tokens);
        int failed = tally.failures(m.totalParams(), m.activeParams(), perToken, epochs, false, 0, 1.0);
        if (tally.checksGpuMemory(failed)) {
            failed |= tally.gpuFailure(shape);
        }
        tally.count(failed, m.totalParams(), m.activeParams(), perToken);
        if (Tally.scored(failed)) {
            double loss = law.denseLoss(shape, tokens);
            if (failed != 0) {
                tally.soleFailure(failed, loss);
            } else if (tally.improves(0, loss, m.totalParams())) {
                tally.keep(0, new Candidate(shape, m, tokens, epochs, loss, 1.0, false));
            }
        }
        return Tally.trainable(failed);
    }

    private static ShapeSearch.Outcome outcome(Tally tally) {
        List<Candidate> ranked = tally.bucketBests();
        return new ShapeSearch.Outcome(ranked, tally.rejections(ranked.isEmpty() ? null : ranked.get(0)),
                tally.minTotalParams(), tally.minTrainableCompute());
    }
}
