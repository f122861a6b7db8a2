package dev.moeadvisor.plan;

import dev.moeadvisor.law.ComputeOptimum;
import dev.moeadvisor.law.family.MoeLawFamily;
import dev.moeadvisor.shape.ModelShape;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The plain-language rationale of a plan: one sentence per fact, every number taken from the plan. */
final class Rationale {

    private Rationale() {
    }

    /** The rationale of a plan ranked by a loss model with Ling's EL law (the planner's). */
    static List<String> of(PlanRequest request, Candidate rec, Rejections rejections, String binding,
                           Optional<DenseComparison> dense, ComputeOptimum moeOptimal,
                           Optional<Uncertainty> uncertainty, Candidate bestMoe, List<BoundCheck> bounds,
                           Optional<PairedUncertainty> paired, AllocationCheck allocation, TrainingSchedule schedule) {
        return of(request, rec, rejections, binding, dense, moeOptimal, uncertainty, bestMoe, bounds, paired,
                allocation, schedule, Optional.empty());
    }

    /**
     * The rationale of a plan; {@code rankedBy} is the law family it was ranked by ({@link FamilyPlanner}), empty for
     * the planner's loss model. Under a family the EL sentence names the law's implied EL
     * ({@link dev.moeadvisor.law.family.ImpliedLeverage}), not Ling's EL law, its extrapolation is the law's fitted
     * ranges, and the search bounds are said to be unprobed (a family plan probes none).
     */
    static List<String> of(PlanRequest request, Candidate rec, Rejections rejections, String binding,
                           Optional<DenseComparison> dense, ComputeOptimum moeOptimal,
                           Optional<Uncertainty> uncertainty, Candidate bestMoe, List<BoundCheck> bounds,
                           Optional<PairedUncertainty> paired, AllocationCheck allocation, TrainingSchedule schedule,
                           Optional<MoeLawFamily> rankedBy) {
        List<String> out = new ArrayList<>();
        double c = request.computeFlops();
        Optional<PairedGap> gap = paired.flatMap(PairedUncertainty::moeMinusDense);
        if (!rec.isMoe()) {
            out.add("Under this model MoE does not pay at this budget: the best dense shape (" + describe(rec.shape())
                    + ") is predicted at " + Fmt.loss(rec.loss()) + ", the best MoE with EL above 1 ("
                    + describe(bestMoe.shape()) + ", EL " + Fmt.num(bestMoe.efficiencyLeverage()) + ") at "
                    + Fmt.loss(bestMoe.loss()) + gap.map(g -> g.indistinguishable()
                    ? "; across the bootstrap models the two are indistinguishable" : "").orElse("")
                    + ". The dense model is recommended; the best MoE shapes are listed as alternatives.");
        }
        out.add("Searched " + Fmt.whole(rejections.evaluated()) + " MoE shapes at C = " + Fmt.sci(c) + " FLOPs"
                + (request.hasAmpleData() ? " with ample unique data" : " with " + Fmt.count(request.uniqueTokens())
                + " unique tokens") + "; " + Fmt.whole(rejections.feasible()) + " satisfy every constraint.");
        out.add("Recommended: " + describe(rec.shape()) + ", " + Fmt.count(rec.totalParams()) + " total and "
                + Fmt.count(rec.activeParams()) + " active non-embedding parameters (embeddings "
                + Fmt.count(rec.metrics().embeddingParams()) + " apart); predicted loss " + Fmt.loss(rec.loss()) + ".");
        out.add("Depth follows a rule, not the loss model: L = round(d_model/" + Fmt.num(SearchSpace.RULE_ASPECT_RATIO)
                + "), the aspect ratio arXiv 2506.12119 chose, kept inside d_model/L ∈ ["
                + Fmt.num(request.bounds().minAspectRatio()) + ", " + Fmt.num(request.bounds().maxAspectRatio())
                + "]; the loss model has no depth term, so it would always prefer the fewest layers allowed.");
        if (rec.isMoe()) {
            out.add("It activates A = " + Fmt.pct(rec.activationRatio()) + " (k/E = " + Fmt.pct(rec.routedActivationRatio())
                    + ", r_a = " + Fmt.pct(rec.paramActivationRatio()) + ") at granularity G = " + Fmt.num(rec.granularity())
                    + rankedBy.map(law -> "; " + law.name() + " implies EL = " + Fmt.num(rec.efficiencyLeverage())
                    + ": the law's compute-optimal dense model needs about that many times the compute to reach the"
                    + " same loss" + (rec.extrapolated() ? " (outside the law's fitted ranges)." : "."))
                    .orElse("; the EL law gives EL = " + Fmt.num(rec.efficiencyLeverage())
                    + ": a dense model would need about that many times the compute for the same loss"
                    + (rec.extrapolated() ? " (an extrapolation)." : ".")));
        }
        out.add("It trains on " + Fmt.count(rec.tokens()) + " tokens, " + Fmt.num(rec.tokensPerActiveParam())
                + " per active parameter" + (request.hasAmpleData() ? "" : ", " + Fmt.num(rec.epochs())
                + " epochs of the unique data") + "; that is " + Fmt.num(allocation.ratio()) + "× Ling's compute-optimal D_opt = "
                + Fmt.count(allocation.optimalTokens()) + " (arXiv 2507.17702, Table 1)"
                + (allocation.far() ? ", beyond " + Fmt.num(AllocationCheck.FAR_FACTOR) + "×" + allocation.computeOptimal()
                .map(o -> "; the compute-optimal counterpart (" + describe(o.shape()) + ") is predicted at "
                        + Fmt.loss(o.loss()) + " (" + PlanWarnings.signed(allocation.lossDifference()) + ")").orElse("")
                : "") + ".");
        dense.filter(d -> rec.isMoe()).ifPresent(d -> {
            Candidate b = d.baseline();
            String versus = gap.map(g -> g.indistinguishable()
                    ? "indistinguishable from the MoE (paired difference MoE − dense in [" + Fmt.loss(g.interval().lower())
                    + ", " + Fmt.loss(g.interval().upper()) + "] over the bootstrap models; the MoE is better in "
                    + Fmt.pct(g.shareRecommendedBetter()) + " of them; point estimate " + Fmt.loss(Math.abs(d.lossGap()))
                    + (d.lossGap() >= 0 ? " worse)" : " better)")
                    : (d.lossGap() >= 0 ? Fmt.loss(d.lossGap()) + " worse than" : Fmt.loss(-d.lossGap()) + " better than")
                    + " the MoE (paired 95% interval of MoE − dense [" + Fmt.loss(g.interval().lower()) + ", "
                    + Fmt.loss(g.interval().upper()) + "])")
                    .orElse(d.lossGap() >= 0 ? Fmt.loss(d.lossGap()) + " worse than the MoE"
                            : Fmt.loss(-d.lossGap()) + " better than the MoE");
            out.add("The best dense shape under the same budget (" + describe(b.shape()) + ", "
                    + Fmt.count(b.totalParams()) + " parameters) is predicted at " + Fmt.loss(b.loss()) + ", "
                    + versus + ".");
            out.add(Double.isNaN(d.computeToMatchSolved())
                    ? "Under the same constraints no dense shape reaches the MoE's loss with up to "
                    + Fmt.sci(DenseMatch.MAX_FACTOR) + "× the compute; by EL alone it would need "
                    + Fmt.sci(d.computeToMatchByEl()) + " FLOPs."
                    : "Under the same constraints a dense model needs " + Fmt.sci(d.computeToMatchSolved()) + " FLOPs ("
                    + Fmt.num(d.computeToMatchSolved() / c) + "× C) to match it; EL alone says "
                    + Fmt.sci(d.computeToMatchByEl()) + ".");
        });
        out.add("Ling's compute-optimal MoE allocation at this compute is M_opt = " + Fmt.sci(moeOptimal.flopsPerToken())
                + " FLOPs per token and D_opt = " + Fmt.count(moeOptimal.tokens()) + " tokens; the recommendation uses "
                + Fmt.num(rec.flopsPerToken() / moeOptimal.flopsPerToken()) + "× M_opt.");
        if (PlanResult.NO_BINDING_CONSTRAINT.equals(binding)) {
            out.add(rec.isMoe() ? rankedBy.map(law -> "No constraint held back a shape predicted better than the"
                    + " recommendation; under " + law.name() + " " + FamilyPlanner.BOUNDS_NOT_PROBED + ".")
                    .orElse("No constraint or search bound held back a shape predicted better than the recommendation.")
                    : "The dense model was compared with the MoE search under the same constraints.");
        } else if (rejections.betterByConstraint().getOrDefault(binding, 0L) > 0) {
            out.add("Binding constraint: " + Constraint.describe(binding) + " — alone it rejected "
                    + Fmt.whole(rejections.betterByConstraint().get(binding))
                    + " shapes predicted better than the recommendation.");
        }
        for (BoundCheck b : bounds) {
            out.add(b.binding()
                    ? "Search bound: the " + b.label() + " (" + b.description() + ") decides the shape: relaxed to "
                    + b.relaxedTo() + " alone, the search finds a shape predicted " + Fmt.loss(b.lossImprovement())
                    + " better."
                    : "The recommendation sits on the search bound the " + b.label() + " (" + b.description()
                    + "), but relaxing it to " + b.relaxedTo() + " finds nothing predicted better.");
        }
        out.add("Learning rate " + Fmt.sci(schedule.learningRate()) + " and batch " + Fmt.whole(schedule.batchSequences())
                + " sequences of " + schedule.seqLen() + " tokens (" + Fmt.count(schedule.batchTokens()) + " tokens), "
                + Fmt.whole(schedule.steps()) + " optimizer steps, from " + schedule.chosen().citation().text() + ": "
                + schedule.reason() + "; cross-check " + schedule.crossCheck().citation().text() + ": learning rate "
                + Fmt.sci(schedule.crossCheck().learningRate()) + ", batch "
                + Fmt.count(schedule.crossCheck().batchTokens()) + " tokens.");
        uncertainty.ifPresent(u -> out.add("Across " + u.models() + " bootstrap loss models the recommendation's loss lies in ["
                + Fmt.loss(u.recommendedLoss().lower()) + ", " + Fmt.loss(u.recommendedLoss().upper()) + "]"
                + (rec.isMoe() ? " and its EL in [" + Fmt.num(u.recommendedEl().lower()) + ", "
                + Fmt.num(u.recommendedEl().upper()) + "]" : "") + " (95%)."));
        paired.ifPresent(p -> out.add("Rank stability: the recommendation's expert configuration stays the best of the "
                + p.rankedCandidates() + " returned shapes in " + Fmt.pct(p.rankStability()) + " of the "
                + p.models() + " bootstrap models."));
        return out;
    }

    /** "d_model 2048, 24 layers (1 dense first), 256 experts of width 512, top-8 + 1 shared". */
    static String describe(ModelShape s) {
        String base = "d_model " + s.dModel() + ", " + s.layers() + " layers";
        if (!s.isMoe()) {
            return base + ", dense FFN " + s.dFfn();
        }
        return base + (s.denseLayers() > 0 ? " (" + s.denseLayers() + " dense first)" : "") + ", " + s.experts()
                + " experts of width " + s.dExpert() + ", top-" + s.topK()
                + (s.sharedExperts() > 0 ? " + " + s.sharedExperts() + " shared" : "");
    }
}
