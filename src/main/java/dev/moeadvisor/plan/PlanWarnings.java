package dev.moeadvisor.plan;

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
    /** An allocation whose M differs from Ling's M_opt by more than this factor is called far from optimal. */
    static final double ALLOCATION_FACTOR = 2.0;

    private PlanWarnings() {
    }

    static List<PlanWarning> of(PlanRequest request, EfficiencyLeverageLaw el, Candidate rec,
                                Optional<DenseComparison> dense, ComputeOptimum moeOptimal,
                                HyperParameters ling, HyperParameters step) {
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
        double ratio = rec.flopsPerToken() / moeOptimal.flopsPerToken();
        if (ratio > ALLOCATION_FACTOR || ratio < 1 / ALLOCATION_FACTOR) {
            out.add(new PlanWarning("allocation-far", "The recommended FLOPs per token M = " + Fmt.sci(rec.flopsPerToken())
                    + " is " + Fmt.num(ratio) + "× Ling's compute-optimal M_opt = " + Fmt.sci(moeOptimal.flopsPerToken())
                    + " (arXiv 2507.17702, Table 1): the constraints push the allocation away from compute-optimal."));
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
        if (dense.isEmpty()) {
            out.add(new PlanWarning("no-dense-baseline", "No dense shape satisfies the same constraints."));
        }
        return out;
    }
}
