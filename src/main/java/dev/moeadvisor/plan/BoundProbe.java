package dev.moeadvisor.plan;

import dev.moeadvisor.law.MoeLossModel;
import dev.moeadvisor.shape.ModelShape;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Which search bounds decide the recommended MoE shape. For every bound the recommendation sits on — the largest
 * searched {@code E}, the activation-ratio floor (when it alone rejected better shapes), the finest or coarsest
 * expert width of its {@code d_model}, the end of the top-k range, the end of the dense-layer range, or an aspect
 * band that moved the depth rule's {@code L} — the whole MoE search is run again with that bound alone relaxed one
 * step (E ×2, A floor ÷2, G band ×2 or ÷2, k ±1, dense layers ±1, the aspect band widened to the rule's 85), and the
 * bound is binding when that search finds a shape predicted better. At most one search per bound, ten in all, each
 * no larger than the plan's own (bounded work).
 */
final class BoundProbe {

    private final SearchSpace space;
    private final MoeLossModel model;
    private final SearchLimits limits;

    private final ShapeSearch.Leverages leverages;

    BoundProbe(SearchSpace space, MoeLossModel model, SearchLimits limits) {
        this(space, model, limits, new ShapeSearch.Leverages(model, space.request().computeFlops()));
    }

    /** Probes that share the plan's EL values ({@link ShapeSearch#leverages()}): same model, same compute. */
    BoundProbe(SearchSpace space, MoeLossModel model, SearchLimits limits, ShapeSearch.Leverages leverages) {
        this.space = space;
        this.model = model;
        this.limits = limits;
        this.leverages = leverages;
    }

    List<BoundCheck> check(Candidate rec, Rejections rejections) {
        PlanRequest r = space.request();
        ModelShape s = rec.shape();
        EvidenceBounds b = r.bounds();
        List<BoundCheck> out = new ArrayList<>();
        int[] experts = space.experts();
        if (s.experts() == experts[experts.length - 1] && r.maxExperts() < ModelShape.MAX_EXPERTS) {
            int relaxed = Math.min(ModelShape.MAX_EXPERTS, 2 * r.maxExperts());
            probe(out, rec, "maxExperts", "E ≤ " + r.maxExperts(), "E ≤ " + relaxed, q -> q.maxExperts(relaxed));
        }
        if (rejections.betterByConstraint().getOrDefault(Constraint.MIN_ACTIVATION.id(), 0L) > 0) {
            double relaxed = b.minActivationRatio() / 2;
            probe(out, rec, "minActivationRatio", "A ≥ " + Fmt.pct(b.minActivationRatio()), "A ≥ " + Fmt.pct(relaxed),
                    q -> q.bounds(new EvidenceBounds(relaxed, b.minGranularity(), b.maxGranularity(),
                            b.minAspectRatio(), b.maxAspectRatio())));
        }
        int[] widths = space.expertWidths(s.dModel());
        if (widths.length > 0 && s.dExpert() == widths[0]) {
            double relaxed = 2 * b.maxGranularity();
            probe(out, rec, "maxGranularity", "G ≤ " + Fmt.num(b.maxGranularity()), "G ≤ " + Fmt.num(relaxed),
                    q -> q.bounds(new EvidenceBounds(b.minActivationRatio(), b.minGranularity(), relaxed,
                            b.minAspectRatio(), b.maxAspectRatio())));
        }
        if (widths.length > 0 && s.dExpert() == widths[widths.length - 1]) {
            double relaxed = b.minGranularity() / 2;
            probe(out, rec, "minGranularity", "G ≥ " + Fmt.num(b.minGranularity()), "G ≥ " + Fmt.num(relaxed),
                    q -> q.bounds(new EvidenceBounds(b.minActivationRatio(), relaxed, b.maxGranularity(),
                            b.minAspectRatio(), b.maxAspectRatio())));
        }
        if (s.topK() == r.maxTopK() && r.maxTopK() + 1 < r.maxExperts()) {
            probe(out, rec, "maxTopK", "k ≤ " + r.maxTopK(), "k ≤ " + (r.maxTopK() + 1),
                    q -> q.topK(r.minTopK(), r.maxTopK() + 1));
        }
        if (s.topK() == r.minTopK() && r.minTopK() > 1) {
            probe(out, rec, "minTopK", "k ≥ " + r.minTopK(), "k ≥ " + (r.minTopK() - 1),
                    q -> q.topK(r.minTopK() - 1, r.maxTopK()));
        }
        if (s.denseLayers() == r.maxDenseLayers() && r.maxDenseLayers() < Math.min(PlanRequest.MAX_DENSE_LAYERS,
                s.layers() - 1)) {
            probe(out, rec, "maxDenseLayers", "at most " + r.maxDenseLayers() + " dense first layers",
                    "at most " + (r.maxDenseLayers() + 1), q -> q.denseLayers(r.minDenseLayers(), r.maxDenseLayers() + 1));
        }
        if (s.denseLayers() == r.minDenseLayers() && r.minDenseLayers() > 0) {
            probe(out, rec, "minDenseLayers", "at least " + r.minDenseLayers() + " dense first layers",
                    "at least " + (r.minDenseLayers() - 1), q -> q.denseLayers(r.minDenseLayers() - 1, r.maxDenseLayers()));
        }
        int rule = SearchSpace.ruleLayers(s.dModel());
        if (s.layers() != rule) {
            boolean tooShallow = s.layers() < rule;
            String id = tooShallow ? "maxAspectRatio" : "minAspectRatio";
            double rAspect = SearchSpace.RULE_ASPECT_RATIO;
            probe(out, rec, id, "d_model/L in [" + Fmt.num(b.minAspectRatio()) + ", " + Fmt.num(b.maxAspectRatio()) + "]",
                    "widened to the depth rule's " + Fmt.num(rAspect),
                    q -> q.bounds(new EvidenceBounds(b.minActivationRatio(), b.minGranularity(), b.maxGranularity(),
                            Math.min(b.minAspectRatio(), rAspect), Math.max(b.maxAspectRatio(), rAspect))));
        }
        return out;
    }

    private void probe(List<BoundCheck> out, Candidate rec, String id, String description, String relaxedTo,
                       UnaryOperator<PlanRequest.Builder> relax) {
        PlanRequest relaxed;
        try {
            relaxed = relax.apply(space.request().toBuilder()).build();
        } catch (PlanRequestException e) {
            return;
        }
        Optional<Candidate> best = new ShapeSearch(new SearchSpace(relaxed), model, limits.withMaxShapes(Long.MAX_VALUE),
                leverages).bestMoeBelow(rec.loss());
        double bestLoss = best.map(Candidate::loss).filter(l -> l < rec.loss()).orElse(rec.loss());
        boolean binding = best.isPresent() && Ranking.better(best.get().loss(), Double.POSITIVE_INFINITY, rec.loss(),
                Double.NEGATIVE_INFINITY);
        out.add(new BoundCheck(id, description, relaxedTo, bestLoss, rec.loss() - bestLoss, binding));
    }

    /** The binding check of largest improvement, if any. */
    static Optional<BoundCheck> strongest(List<BoundCheck> checks) {
        return checks.stream().filter(BoundCheck::binding)
                .max(java.util.Comparator.comparingDouble(BoundCheck::lossImprovement));
    }
}
