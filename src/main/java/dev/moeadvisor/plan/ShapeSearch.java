package dev.moeadvisor.plan;

import dev.moeadvisor.law.MoeLossModel;

import java.util.List;
import java.util.Optional;

/**
 * The exhaustive search over a {@link SearchSpace}: every MoE grid point (d_model × L × d_expert × dense first
 * layers × k × E) or every dense grid point (d_model × L × d_ffn) is built as a shape, counted
 * ({@link dev.moeadvisor.shape.ShapeMetrics}), checked against the constraints and, when feasible or failing a
 * single constraint, scored with the loss model. Widths grow until a whole d_model block has too few tokens.
 */
final class ShapeSearch {

    /** Ranked bucket bests (MoE: the best feasible shape per (E, k); dense: the single best) and the counts. */
    record Outcome(List<Candidate> ranked, Rejections rejections, double minTotalParams, double minTrainableCompute) {
        Optional<Candidate> best() {
            return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
        }

        Optional<Constraint> binding() {
            return rejections.binding(!ranked.isEmpty());
        }
    }

    private final SearchSpace space;
    private final MoeLossModel model;
    private final SearchLimits limits;

    ShapeSearch(SearchSpace space, MoeLossModel model) {
        this(space, model, SearchLimits.NONE);
    }

    /** A search that checks {@code limits} (deadline, cancellation) once per (d_model, layers) block. */
    ShapeSearch(SearchSpace space, MoeLossModel model, SearchLimits limits) {
        this.space = space;
        this.model = model;
        this.limits = limits;
    }

    Outcome moe() {
        PlanRequest r = space.request();
        int[] experts = space.experts();
        int[] topKs = space.topKs();
        Tally tally = new Tally(r, model, r.computeFlops(), experts.length * topKs.length);
        for (int dModel : space.dModels()) {
            boolean trainable = false;
            boolean any = false;
            int[] expertWidths = space.expertWidths(dModel);
            for (int layers : space.layers(dModel)) {
                limits.check();
                int maxDense = Math.min(r.maxDenseLayers(), layers - 1);
                for (int dExpert : expertWidths) {
                    for (int dense = r.minDenseLayers(); dense <= maxDense; dense++) {
                        for (int ki = 0; ki < topKs.length; ki++) {
                            for (int ei = 0; ei < experts.length; ei++) {
                                if (experts[ei] <= topKs[ki] || !space.buildable(dense, dExpert, topKs[ki])) {
                                    continue;
                                }
                                any = true;
                                trainable |= tally.offer(space.moe(dModel, layers, dense, dExpert, experts[ei],
                                        topKs[ki]), ei * topKs.length + ki);
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

    /** The dense grid under {@code computeFlops} (the request's own, or another for the compute-to-match solve). */
    Outcome dense(double computeFlops) {
        Tally tally = new Tally(space.request(), model, computeFlops, 1);
        for (int dModel : space.dModels()) {
            boolean trainable = false;
            boolean any = false;
            int[] ffnWidths = space.denseFfnWidths(dModel);
            for (int layers : space.layers(dModel)) {
                limits.check();
                for (int dFfn : ffnWidths) {
                    any = true;
                    trainable |= tally.offer(space.dense(dModel, layers, dFfn), 0);
                }
            }
            if (any && !trainable) {
                break;
            }
        }
        return outcome(tally);
    }

    private static Outcome outcome(Tally tally) {
        List<Candidate> ranked = tally.bucketBests();
        return new Outcome(ranked, tally.rejections(ranked.isEmpty() ? null : ranked.get(0)), tally.minTotalParams(),
                tally.minTrainableCompute());
    }
}
