package dev.moeadvisor.plan;

import dev.moeadvisor.law.MoeLossModel;

import java.util.List;

/**
 * The reference the fast {@link ShapeSearch} is held to: the exhaustive grid search as it stood before the fast path
 * (main 1ed193d), kept here unchanged in what it computes. Every MoE grid point (d_model × L × d_expert × dense first
 * layers × k × E) and every dense grid point (d_model × L × d_ffn) is built as a {@link dev.moeadvisor.shape.ModelShape},
 * counted by {@link dev.moeadvisor.shape.ShapeMetrics#of}, checked and, when feasible or failing a single
 * constraint, scored by {@link MoeLossModel#loss} ({@link Tally#offer}). Widths grow until a whole d_model block has
 * too few tokens. Slow (one allocation and a full count per shape), obviously right.
 */
final class BruteForceSearch {

    private final SearchSpace space;
    private final MoeLossModel model;

    BruteForceSearch(SearchSpace space, MoeLossModel model) {
        this.space = space;
        this.model = model;
    }

    ShapeSearch.Outcome moe() {
        PlanRequest r = space.request();
        int[] experts = space.experts();
        int[] topKs = space.topKs();
        Tally tally = new Tally(r, model, r.computeFlops(), experts.length * topKs.length);
        for (int dModel : space.dModels()) {
            boolean trainable = false;
            boolean any = false;
            int[] expertWidths = space.expertWidths(dModel);
            for (int layers : space.layers(dModel)) {
                int maxDense = space.maxDenseLayers(layers);
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

    ShapeSearch.Outcome dense(double computeFlops) {
        Tally tally = new Tally(space.request(), model, computeFlops, 1);
        for (int dModel : space.dModels()) {
            boolean trainable = false;
            boolean any = false;
            int[] ffnWidths = space.denseFfnWidths(dModel);
            for (int layers : space.layers(dModel)) {
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

    private static ShapeSearch.Outcome outcome(Tally tally) {
        List<Candidate> ranked = tally.bucketBests();
        return new ShapeSearch.Outcome(ranked, tally.rejections(ranked.isEmpty() ? null : ranked.get(0)),
                tally.minTotalParams(), tally.minTrainableCompute());
    }
}
