package dev.moeadvisor.plan;

import dev.moeadvisor.law.MoeLossModel;
import dev.moeadvisor.shape.ModelShape;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shapes of one configuration across widths: the same expert configuration (E, k, shared and dense first
 * layers) and nearly the same granularity (MoE), or the same FFN ratio (dense), at every {@code d_model} of the
 * grid with the depth rule's {@code L}. Used for the width alternatives of a recommendation and for its
 * compute-optimal counterpart. Each member is checked against the request's constraints and scored like any
 * searched shape.
 */
final class ShapeFamily {

    private final SearchSpace space;
    private final MoeLossModel model;
    private final Candidate origin;

    ShapeFamily(SearchSpace space, MoeLossModel model, Candidate origin) {
        this.space = space;
        this.model = model;
        this.origin = origin;
    }

    /** Every feasible member, narrowest first (the origin's own width included). */
    List<Candidate> members() {
        List<Candidate> out = new ArrayList<>();
        for (int dModel : space.dModels()) {
            at(dModel).ifPresent(out::add);
        }
        return out;
    }

    /** The feasible members one grid step narrower and one wider than the origin. */
    List<Candidate> neighbours() {
        int[] widths = space.dModels();
        int d = origin.shape().dModel();
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            if (widths[i] == d) {
                if (i > 0) {
                    at(widths[i - 1]).ifPresent(out::add);
                }
                if (i + 1 < widths.length) {
                    at(widths[i + 1]).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    /** The member at {@code dModel}, when the grid holds one and it satisfies every constraint. */
    Optional<Candidate> at(int dModel) {
        return shapeAt(dModel).flatMap(shape -> {
            Tally one = new Tally(space.request(), model, space.request().computeFlops(), 1);
            one.offer(shape, 0);
            return one.bucketBests().stream().findFirst();
        });
    }

    /** The origin's configuration at {@code dModel} with the depth rule's L, when the grid can build it (unscored). */
    Optional<ModelShape> shapeAt(int dModel) {
        int[] layers = space.layers(dModel);
        if (layers.length == 0) {
            return Optional.empty();
        }
        ModelShape s = origin.shape();
        ModelShape shape;
        if (s.isMoe()) {
            int dExpert = nearest(space.expertWidths(dModel), 2.0 * dModel / origin.granularity());
            int dense = Math.min(s.denseLayers(), space.maxDenseLayers(layers[0]));
            if (dExpert <= 0 || dense < space.request().minDenseLayers() || !space.buildable(dense, dExpert, s.topK())) {
                return Optional.empty();
            }
            shape = space.moe(dModel, layers[0], dense, dExpert, s.experts(), s.topK());
        } else {
            int dFfn = nearest(space.denseFfnWidths(dModel), (double) s.dFfn() / s.dModel() * dModel);
            if (dFfn <= 0) {
                return Optional.empty();
            }
            shape = space.dense(dModel, layers[0], dFfn);
        }
        return Optional.of(shape);
    }

    /** The value of {@code values} nearest {@code target} in log; 0 when there is none. */
    private static int nearest(int[] values, double target) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int v : values) {
            double distance = Math.abs(Math.log(v / target));
            if (distance < bestDistance) {
                best = v;
                bestDistance = distance;
            }
        }
        return best;
    }
}
