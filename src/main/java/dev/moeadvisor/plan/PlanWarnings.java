package dev.moeadvisor.plan;

import dev.moeadvisor.envelope.EvidenceEnvelope;
import dev.moeadvisor.envelope.Outside;
import dev.moeadvisor.law.ComputeOptimum;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.HyperParameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The warnings of a plan, each with the numbers that raised it. */
final class PlanWarnings {

    /** About 2 epochs of reuse cost almost nothing; 3–5 cost 0.3–1% BPC (arXiv 2506.12119, §4). */
    static final double DATA_REUSE_EPOCHS = 2.0;

    private PlanWarnings() {
    }

    /** "+0.0123" or "−0.0123", for loss differences. */
    static String signed(double x) {
        return (x >= 0 ? "+" : "−") + Fmt.loss(Math.abs(x));
    }

    /**
     * The {@code outside-evidence} warning. A law family names its own axes (each {@link Outside} carries the law's
     * words, {@code MoeLawFamily.outsideInWords}; the envelope's own axes carry none): then the recommendation lies
     * outside the fitted ranges of the law it was ranked by, {@code lossModel}; else outside the runs of the model.
     */
    static PlanWarning outsideEvidence(String lossModel, List<Outside> list) {
        String words = EvidenceEnvelope.words(list);
        boolean lawAxes = list.stream().allMatch(o -> o.description() != null);
        return new PlanWarning("outside-evidence", lawAxes
                ? "The recommendation lies outside the fitted ranges of " + lossModel + ": " + words + "."
                : "The recommendation lies outside the model's runs: " + words + ".");
    }

    static List<PlanWarning> of(PlanRequest request, EfficiencyLeverageLaw el, Candidate rec,
                                Optional<DenseComparison> dense, ComputeOptimum moeOptimal,
                                HyperParameters ling, HyperParameters step, AllocationCheck allocation) {
        List<PlanWarning> out = new ArrayList<>();
        double c = request.computeFlops();
        if (rec.extrapolated()) {
            List<String> why = new ArrayList<>();
            EfficiencyLeverageLaw.ElRange range = el.range();
            if (!range.compute().contains(c)) {
                why.add("C = " + Fmt.sci(c) + " FLOPs outside [" + Fmt.sci(range.compute().min()) + ", "
                        + Fmt.sci(range.compute().max()) + "]");
            }
            if (!range.activation().contains(rec.activationRatio())) {
                why.add("A = " + Fmt.pct(rec.activationRatio()) + " outside [" + Fmt.pct(range.activation().min())
                        + ", " + Fmt.pct(range.activation().max()) + "]");
            }
            if (!range.granularity().contains(rec.granularity())) {
                why.add("G = " + Fmt.num(rec.granularity()) + " outside [" + Fmt.num(range.granularity().min()) + ", "
                        + Fmt.num(range.granularity().max()) + "]");
            }
            if (rec.efficiencyLeverage() > Tally.EL_FIT_LIMIT) {
                why.add("EL = " + Fmt.num(rec.efficiencyLeverage()) + " above " + Fmt.num(Tally.EL_FIT_LIMIT)
                        + ", the largest EL of the fitted points");
            }
            out.add(new PlanWarning("el-extrapolated", "The EL law (" + el.citation().text()
                    + ") is extrapolated: " + String.join("; ", why) + "."));
        }
        if (rec.epochs() > DATA_REUSE_EPOCHS) {
            out.add(new PlanWarning("data-reuse", "The plan repeats the unique data " + Fmt.num(rec.epochs())
                    + " times; arXiv 2506.12119 found about 2 epochs nearly free, 3–5 costing 0.3–1% BPC, and advises"
                    + " staying within about 3."));
        }
        if (allocation.far()) {
            out.add(new PlanWarning("allocation-far", "The recommendation trains on D = " + Fmt.count(rec.tokens())
                    + " tokens (" + Fmt.num(allocation.tokensPerActiveParam()) + " per active parameter), "
                    + Fmt.num(allocation.ratio()) + "× Ling's compute-optimal D_opt = "
                    + Fmt.count(allocation.optimalTokens()) + " (arXiv 2507.17702, Table 1, "
                    + (rec.isMoe() ? "MoE" : "dense") + "), beyond " + Fmt.num(AllocationCheck.FAR_FACTOR) + "×"
                    + allocation.computeOptimal().map(o -> "; the same configuration at D ≈ D_opt ("
                    + Rationale.describe(o.shape()) + ", " + Fmt.count(o.tokens()) + " tokens) is predicted at "
                    + Fmt.loss(o.loss()) + ", " + signed(allocation.lossDifference()) + " against the recommendation")
                    .orElse("") + "."));
        }
        if (moeOptimal.extrapolated()) {
            out.add(new PlanWarning("allocation-extrapolated", "C = " + Fmt.sci(c)
                    + " FLOPs lies outside the compute range behind Ling's allocation law (1e18–6e20 FLOPs)."));
        }
        if (ling.extrapolated() || step.extrapolated()) {
            List<String> laws = new ArrayList<>();
            if (ling.extrapolated()) {
                laws.add("Ling's (arXiv 2507.17702, Eq. 3)");
            }
            if (step.extrapolated()) {
                laws.add("Step Law's (arXiv 2503.04715)");
            }
            out.add(new PlanWarning("hyperparameters-extrapolated", "The learning-rate and batch laws "
                    + String.join(" and ", laws) + " are used outside their fitted range."));
        }
        for (String departure : request.departuresFromEvidence()) {
            out.add(new PlanWarning("evidence-widened", "Search widened beyond the papers' evidence: " + departure + "."));
        }
        if (!rec.isMoe()) {
            out.add(new PlanWarning("moe-does-not-pay", "Under this model MoE does not pay at this budget: no MoE shape"
                    + " with EL above 1 is predicted better than the best dense shape."));
        } else if (rec.efficiencyLeverage() <= 1) {
            out.add(new PlanWarning("moe-el-below-one", "The recommended MoE has EL " + Fmt.num(rec.efficiencyLeverage())
                    + " ≤ 1 and no dense shape satisfies the constraints to compare it with."));
        }
        if (dense.isEmpty()) {
            out.add(new PlanWarning("no-dense-baseline", "No dense shape satisfies the same constraints."));
        }
        return out;
    }
}
