package dev.moeadvisor.plan;

import dev.moeadvisor.law.ComputeOptimum;
import dev.moeadvisor.shape.ModelShape;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The plain-language rationale of a plan: one sentence per fact, every number taken from the plan. */
final class Rationale {

    private Rationale() {
    }

    static List<String> of(PlanRequest request, Candidate rec, Rejections rejections, String binding,
                           Optional<DenseComparison> dense, ComputeOptimum moeOptimal,
                           Optional<Uncertainty> uncertainty) {
        List<String> out = new ArrayList<>();
        double c = request.computeFlops();
        out.add("Searched " + rejections.evaluated() + " MoE shapes at C = " + Fmt.sci(c) + " FLOPs"
                + (request.hasAmpleData() ? " with ample unique data" : " with " + Fmt.count(request.uniqueTokens())
                + " unique tokens") + "; " + rejections.feasible() + " satisfy every constraint.");
        out.add("Recommended: " + describe(rec.shape()) + ", " + Fmt.count(rec.totalParams()) + " total and "
                + Fmt.count(rec.activeParams()) + " active non-embedding parameters (embeddings "
                + Fmt.count(rec.metrics().embeddingParams()) + " apart); predicted loss " + Fmt.loss(rec.loss()) + ".");
        out.add("It activates A = " + Fmt.pct(rec.activationRatio()) + " (k/E = " + Fmt.pct(rec.routedActivationRatio())
                + ", r_a = " + Fmt.pct(rec.paramActivationRatio()) + ") at granularity G = " + Fmt.num(rec.granularity())
                + "; the EL law gives EL = " + Fmt.num(rec.efficiencyLeverage())
                + ": a dense model would need about that many times the compute for the same loss"
                + (rec.extrapolated() ? " (an extrapolation)." : "."));
        out.add("It trains on " + Fmt.count(rec.tokens()) + " tokens, " + Fmt.num(rec.tokensPerActiveParam())
                + " per active parameter" + (request.hasAmpleData() ? "." : ", " + Fmt.num(rec.epochs())
                + " epochs of the unique data."));
        dense.ifPresent(d -> {
            Candidate b = d.baseline();
            out.add("The best dense shape under the same budget (" + describe(b.shape()) + ", "
                    + Fmt.count(b.totalParams()) + " parameters) is predicted at " + Fmt.loss(b.loss()) + ", "
                    + (d.lossGap() >= 0 ? Fmt.loss(d.lossGap()) + " worse than" : Fmt.loss(-d.lossGap()) + " better than")
                    + " the MoE.");
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
            out.add("No constraint held back a shape predicted better than the recommendation.");
        } else {
            out.add("Binding constraint: " + binding + " — alone it rejected "
                    + rejections.betterByConstraint().get(binding) + " shapes predicted better than the recommendation.");
        }
        uncertainty.ifPresent(u -> out.add("Across " + u.models() + " bootstrap loss models the recommendation's loss lies in ["
                + Fmt.loss(u.recommendedLoss().lower()) + ", " + Fmt.loss(u.recommendedLoss().upper()) + "] and its EL in ["
                + Fmt.num(u.recommendedEl().lower()) + ", " + Fmt.num(u.recommendedEl().upper()) + "] (95%)."));
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
