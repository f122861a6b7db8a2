package dev.moeadvisor.plan;

import dev.moeadvisor.law.AllocationLaw;
import dev.moeadvisor.law.ComputeOptimum;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.HyperParameterLaws;
import dev.moeadvisor.law.HyperParameters;
import dev.moeadvisor.law.family.ChinchillaOptimum;
import dev.moeadvisor.law.family.MoeLawFamily;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan ranked by a published MoE law family ({@link MoeLawFamily}: Krajewski et al., Ludziejewski et al., Ling's EL
 * law composed with a dense law) over the same {@link SearchSpace}, constraints and limits as {@link Planner}:
 * <ul>
 *   <li>shapes are searched and ranked by the law's own loss, in its unit ({@link FamilySearch}); the
 *       recommendation, alternatives (the best shape of each other (E, k), best first) and the choice between the
 *       best MoE with EL above 1 and the best dense shape follow the planner's rules;</li>
 *   <li>EL is the one the law implies ({@link dev.moeadvisor.law.family.ImpliedLeverage}): the compute its
 *       compute-optimal dense model needs to reach the MoE's loss, {@code C_dense} by the closed form of
 *       {@link ChinchillaOptimum#computeForLoss}, over {@code C}. So the dense comparison's compute to match is that
 *       {@code C_dense} both "by EL" and "solved": under a family they are one number by definition;</li>
 *   <li>the dense baseline is the best dense grid shape under the law's dense counterpart (same constraints);</li>
 *   <li>published laws come without bootstrap models: no intervals, no paired differences; the search bounds are not
 *       probed ({@link #BOUNDS_NOT_PROBED}: a probe relaxes a bound and re-searches, which the composed model's fast
 *       search affords and this exhaustive one, at 0.2–0.7 s a search, does not), and the plan says so in its
 *       rationale and as the warning {@code search-bounds-not-probed};</li>
 *   <li>Ling's compute-optimal allocation, hyper-parameter laws and training schedule are the planner's (labelled as
 *       Ling's and Step Law's); beside Ling's allocation check stands the law's own ({@link LawAllocation}): the
 *       compute-optimal dense allocation of its dense counterpart at {@code C} ({@link ChinchillaOptimum}), the
 *       recommendation's tokens against it and, beyond {@link AllocationCheck#FAR_FACTOR} either way, the same
 *       configuration at the width whose tokens under the law lie nearest it, scored by the law.</li>
 * </ul>
 * Where the recommendation lies outside the law's fitted ranges, the caller's envelope check says so (the service
 * applies the one rule, {@code Range.isOutside}); {@link Candidate#extrapolated()} is set on the same rule.
 * Stateless and thread-safe.
 */
public final class FamilyPlanner {

    /**
     * The one wording of a family plan's unprobed search bounds (rationale, warning): "the search bounds were not
     * probed …".
     */
    public static final String BOUNDS_NOT_PROBED = "the search bounds were not probed (a probe re-searches the grid"
            + " with one bound relaxed; this law's search builds every shape, too slow to repeat per bound), so a bound"
            + " may hold back a shape the law predicts better";

    private final MoeLawFamily law;

    public FamilyPlanner(MoeLawFamily law) {
        this.law = Objects.requireNonNull(law, "law");
    }

    public MoeLawFamily law() {
        return law;
    }

    /**
     * Plans within {@code limits}: refused before searching when the grid exceeds its work budget, stopped inside the
     * search past the deadline or when cancelled.
     *
     * @throws InfeasiblePlanException when no MoE shape satisfies the constraints
     * @throws PlanTooLargeException   when the grid has more shapes than {@link SearchLimits#maxShapes()}
     * @throws PlanAbortedException    past the deadline, or when cancelled
     */
    public PlanResult plan(PlanRequest request, SearchLimits limits) {
        Objects.requireNonNull(request, "request");
        Planner.admit(request, limits);
        SearchSpace space = new SearchSpace(request);
        FamilySearch search = new FamilySearch(space, law, limits);
        ShapeSearch.Outcome moe = search.moe();
        Candidate bestMoe = moe.best().orElseThrow(() -> Planner.infeasible(request, moe));
        double c = request.computeFlops();
        Optional<Candidate> denseBest = search.dense(c).best();
        Candidate moeRef = moe.ranked().stream().filter(x -> x.efficiencyLeverage() > 1).findFirst().orElse(bestMoe);
        boolean moePays = moeRef.efficiencyLeverage() > 1 && denseBest.map(moeRef::betterThan).orElse(true);
        Candidate rec = moePays || denseBest.isEmpty() ? moeRef : denseBest.get();
        List<Candidate> others = moe.ranked().stream().filter(x -> x != rec).toList();
        List<Candidate> alternatives = others.subList(0, Math.min(request.alternatives(), others.size()));

        double matched = ChinchillaOptimum.computeForLoss(law.dense(), moeRef.loss());
        Optional<DenseComparison> dense = denseBest.map(d -> new DenseComparison(d, d.loss() - moeRef.loss(),
                matched, matched));
        ComputeOptimum moeOptimal = ComputeOptimum.of(AllocationLaw.LING_MOE, c);
        ComputeOptimum denseOptimal = ComputeOptimum.of(AllocationLaw.LING_DENSE, c);
        HyperParameters ling = HyperParameterLaws.ling(c);
        HyperParameters step = HyperParameterLaws.step(rec.activeParams(), rec.tokens());
        String binding = moe.binding().filter(x -> rec.isMoe()).map(Constraint::id)
                .orElse(PlanResult.NO_BINDING_CONSTRAINT);
        ComputeOptimum opt = rec.isMoe() ? moeOptimal : denseOptimal;
        double ratio = rec.tokens() / opt.tokens();
        AllocationCheck allocation = new AllocationCheck(rec.tokensPerActiveParam(), opt.tokens(), opt.lawId(), ratio,
                ratio > AllocationCheck.FAR_FACTOR || ratio < 1 / AllocationCheck.FAR_FACTOR, Optional.empty(),
                rec.loss());
        TrainingSchedule schedule = TrainingSchedule.of(rec, request);
        // The planner's warnings except its EL-law extrapolation text, which describes Ling's ranges: a family's own
        // ranges are checked by the envelope rule of the caller (PlanResult#withOutside).
        Candidate unflagged = new Candidate(rec.shape(), rec.metrics(), rec.tokens(), rec.epochs(), rec.loss(),
                rec.efficiencyLeverage(), false);
        List<PlanWarning> warnings = new ArrayList<>(PlanWarnings.of(request, EfficiencyLeverageLaw.LING_2025,
                unflagged, dense, moeOptimal, ling, step, allocation));
        LawAllocation own = LawAllocation.of(search, rec);
        if (own.far()) {
            warnings.add(new PlanWarning("law-allocation-far", own.farInWords()));
        }
        if (rec.isMoe()) {
            warnings.add(new PlanWarning("search-bounds-not-probed", "Under " + law.name() + " "
                    + BOUNDS_NOT_PROBED + "."));
        }
        if (!request.hasAmpleData() && rec.epochs() > 1) {
            warnings.add(new PlanWarning("law-without-repetition", law.name() + " has no term for repeated data: the "
                    + Fmt.num(rec.epochs()) + " epochs of the unique data are predicted as if every token were new."));
        }
        List<String> rationale = new ArrayList<>();
        rationale.add("Ranked by " + law.name() + " (" + law.citation().text() + "): every shape's loss is that law's, in "
                + law.unit() + ", with its tokens from the law's own FLOP model; EL is the one the law implies, the"
                + " compute its compute-optimal dense model needs to reach the same loss over C. Published"
                + " coefficients: no uncertainty estimate.");
        rationale.addAll(Rationale.of(request, rec, moe.rejections(), binding, Optional.empty(), moeOptimal,
                Optional.empty(), moeRef, List.of(), Optional.empty(), allocation, schedule, Optional.of(law)));
        rationale.add(own.inWords());
        dense.filter(d -> rec.isMoe()).ifPresent(d -> rationale.add("The best dense shape under the same budget ("
                + Rationale.describe(d.baseline().shape()) + ") is predicted by the law's dense counterpart at "
                + Fmt.loss(d.baseline().loss()) + ", " + (d.lossGap() >= 0 ? Fmt.loss(d.lossGap()) + " worse than"
                : Fmt.loss(-d.lossGap()) + " better than") + " the MoE; the law's compute-optimal dense model needs "
                + Fmt.sci(d.computeToMatchByEl()) + " FLOPs (" + Fmt.num(d.computeToMatchByEl() / c)
                + "× C) to match the MoE."));
        PlanResult result = new PlanResult(request, law.name() + " (" + law.citation().text() + ")", rec, alternatives,
                dense, moeOptimal, denseOptimal, ling, step, moe.rejections(), binding, warnings, rationale,
                Optional.empty(), moeRef, List.of(), Optional.empty(), allocation, schedule);
        return request.hardware() == null ? result
                : result.withHardware(HardwarePlan.of(request, rec, denseBest, moeRef));
    }
}
