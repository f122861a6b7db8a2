package dev.moeadvisor.plan;

import dev.moeadvisor.fit.Interval;
import dev.moeadvisor.law.ComputeOptimum;
import dev.moeadvisor.law.AllocationLaw;
import dev.moeadvisor.law.HyperParameterLaws;
import dev.moeadvisor.law.HyperParameters;
import dev.moeadvisor.law.MoeLossModel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a budget into a plan: searches the MoE and dense grids of the request ({@link SearchSpace}), ranks shapes
 * by the loss model, and assembles the recommendation, alternatives, dense baseline, references, warnings and
 * rationale. Stateless and thread-safe: one instance can serve any number of requests.
 */
public final class Planner {

    private final MoeLossModel model;

    /** @param model the loss model every shape is ranked by */
    public Planner(MoeLossModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    public MoeLossModel model() {
        return model;
    }

    /** Plans without uncertainty. */
    public PlanResult plan(PlanRequest request) {
        return plan(request, List.of());
    }

    /**
     * Plans, with 2.5/97.5 percentile intervals from {@code bootstrap} loss models when any are given.
     *
     * @throws InfeasiblePlanException when no MoE shape satisfies the constraints
     */
    public PlanResult plan(PlanRequest request, List<MoeLossModel> bootstrap) {
        return plan(request, bootstrap, SearchLimits.NONE);
    }

    /**
     * Plans within {@code limits}: refused before searching when the grid is larger than its work budget
     * ({@link GridEstimate}), stopped inside the search past its deadline or when cancelled.
     *
     * @throws InfeasiblePlanException when no MoE shape satisfies the constraints
     * @throws PlanTooLargeException   when the grid has more shapes than {@link SearchLimits#maxShapes()}
     * @throws PlanAbortedException    past the deadline, or when cancelled
     */
    public PlanResult plan(PlanRequest request, List<MoeLossModel> bootstrap, SearchLimits limits) {
        Objects.requireNonNull(bootstrap, "bootstrap");
        Recommendation found = recommend(request, limits);
        SearchSpace space = found.space();
        ShapeSearch.Outcome moe = found.moe();
        Optional<Candidate> denseBest = found.denseBest();
        Candidate moeRef = found.moeRef();
        Candidate rec = found.rec();
        List<BoundCheck> bounds = found.bounds();
        String binding = found.binding();
        double c = request.computeFlops();
        List<Candidate> alternatives = alternatives(request, space, rec, moe.ranked());

        Optional<DenseComparison> dense = denseBest.map(d -> new DenseComparison(d, d.loss() - moeRef.loss(),
                moeRef.efficiencyLeverage() * c, DenseMatch.solve(found.search(), moeRef.loss(), c)));
        ComputeOptimum moeOptimal = ComputeOptimum.of(AllocationLaw.LING_MOE, c);
        ComputeOptimum denseOptimal = ComputeOptimum.of(AllocationLaw.LING_DENSE, c);
        HyperParameters ling = HyperParameterLaws.ling(c);
        HyperParameters step = HyperParameterLaws.step(rec.activeParams(), rec.tokens());
        Optional<Uncertainty> uncertainty = bootstrap.isEmpty() ? Optional.empty()
                : Optional.of(uncertainty(request, bootstrap, rec, dense.map(DenseComparison::baseline)));
        Optional<PairedUncertainty> paired = bootstrap.isEmpty() ? Optional.empty()
                : Optional.of(PairedUncertainty.of(request, bootstrap, rec, alternatives, denseBest, moeRef));
        AllocationCheck allocation = AllocationCheck.of(space, model, rec);
        TrainingSchedule schedule = TrainingSchedule.of(rec, request);
        PlanResult result = new PlanResult(request, describeModel(), rec, alternatives, dense, moeOptimal, denseOptimal,
                ling, step, moe.rejections(), binding,
                PlanWarnings.of(request, model.el(), rec, dense, moeOptimal, ling, step, allocation),
                Rationale.of(request, rec, moe.rejections(), binding, dense, moeOptimal, uncertainty, moeRef, bounds,
                        paired, allocation, schedule),
                uncertainty, moeRef, bounds, paired, allocation, schedule);
        return request.hardware() == null ? result
                : result.withHardware(HardwarePlan.of(request, rec, denseBest, moeRef));
    }

    /**
     * A sweep row ({@link PlanSweep}): the same recommendation, dense baseline loss, binding constraint and binding
     * bounds as {@link #plan}'s, without what a row does not show — bootstrap models, alternatives (width neighbours),
     * the dense compute-to-match solve, warnings, rationale, allocation check and training schedule.
     *
     * @throws InfeasiblePlanException when no MoE shape satisfies the constraints
     */
    SweepRow sweepRow(Budget budget, PlanRequest request, SearchLimits limits) {
        Recommendation r = recommend(request, limits);
        return SweepRow.of(budget, r.rec(), r.denseBest().map(Candidate::loss).orElse(Double.NaN), r.binding(),
                r.bounds());
    }

    /**
     * What a plan and a sweep row share: the MoE and dense searches, the recommendation (the best MoE of EL above 1,
     * unless the dense baseline is better), its bound probes and the binding constraint.
     */
    private record Recommendation(SearchSpace space, ShapeSearch search, ShapeSearch.Outcome moe,
                                  Optional<Candidate> denseBest, Candidate moeRef, Candidate rec,
                                  List<BoundCheck> bounds, String binding) {
    }

    private Recommendation recommend(PlanRequest request, SearchLimits limits) {
        Objects.requireNonNull(request, "request");
        admit(request, limits);
        SearchSpace space = new SearchSpace(request);
        ShapeSearch search = new ShapeSearch(space, model, limits);
        ShapeSearch.Outcome moe = search.moe();
        Candidate bestMoe = moe.best().orElseThrow(() -> infeasible(request, moe));
        Optional<Candidate> denseBest = search.dense(request.computeFlops()).best();
        Candidate moeRef = moe.ranked().stream().filter(x -> x.efficiencyLeverage() > 1).findFirst().orElse(bestMoe);
        boolean moePays = moeRef.efficiencyLeverage() > 1 && denseBest.map(moeRef::betterThan).orElse(true);
        Candidate rec = moePays || denseBest.isEmpty() ? moeRef : denseBest.get();
        List<BoundCheck> bounds = rec.isMoe()
                ? new BoundProbe(space, model, limits, search.leverages()).check(rec, moe.rejections()) : List.of();
        String binding = moe.binding().filter(x -> rec.isMoe()).map(Constraint::id)
                .or(() -> BoundProbe.strongest(bounds).map(BoundCheck::bound))
                .orElse(PlanResult.NO_BINDING_CONSTRAINT);
        return new Recommendation(space, search, moe, denseBest, moeRef, rec, bounds, binding);
    }

    /**
     * The alternatives: when an MoE is recommended, the best shape of each other (E, k) and its own configuration one
     * grid width narrower and wider (depth by the rule), ranked; when the dense model is recommended, the best
     * MoE shapes of each (E, k), best first. At most {@link PlanRequest#alternatives()}.
     */
    private List<Candidate> alternatives(PlanRequest request, SearchSpace space, Candidate rec, List<Candidate> ranked) {
        int n = request.alternatives();
        List<Candidate> others = ranked.stream().filter(x -> x != rec).toList();
        if (!rec.isMoe()) {
            return others.subList(0, Math.min(n, others.size()));
        }
        List<Candidate> widths = new ShapeFamily(space, model, rec).neighbours();
        int widthSlots = Math.min(widths.size(), n / 3);
        List<Candidate> out = new java.util.ArrayList<>(others.subList(0, Math.min(n - widthSlots, others.size())));
        out.addAll(widths.subList(0, widthSlots));
        out.sort(Ranking.ORDER);
        return List.copyOf(out);
    }

    /** @throws PlanTooLargeException when the request's grid exceeds the work budget of {@code limits} */
    static void admit(PlanRequest request, SearchLimits limits) {
        if (limits.maxShapes() == Long.MAX_VALUE) {
            return;
        }
        long shapes = GridEstimate.shapes(request);
        if (shapes > limits.maxShapes()) {
            throw new PlanTooLargeException("This plan", shapes, limits.maxShapes(), GridEstimate.narrowings(request));
        }
    }

    private String describeModel() {
        return model.dense().id() + " dense law with EL (" + model.el().citation().text() + ")";
    }

    private static Uncertainty uncertainty(PlanRequest request, List<MoeLossModel> bootstrap, Candidate rec,
                                           Optional<Candidate> dense) {
        double c = request.computeFlops();
        double u = request.uniqueTokens();
        int n = bootstrap.size();
        double[] loss = new double[n];
        double[] el = new double[n];
        double[] denseLoss = new double[n];
        for (int i = 0; i < n; i++) {
            MoeLossModel b = bootstrap.get(i);
            loss[i] = b.loss(rec.activeParams(), rec.tokens(), u, rec.activationRatio(), rec.granularity(), c);
            el[i] = b.el().value(rec.activationRatio(), rec.granularity(), c);
            if (dense.isPresent()) {
                Candidate d = dense.get();
                denseLoss[i] = b.loss(d.activeParams(), d.tokens(), u, d.activationRatio(), d.granularity(), c);
            }
        }
        return new Uncertainty(n, Interval.ofBootstrap(loss), Interval.ofBootstrap(el), dense.map(d -> Interval.ofBootstrap(denseLoss)));
    }

    static InfeasiblePlanException infeasible(PlanRequest request, ShapeSearch.Outcome outcome) {
        Rejections r = outcome.rejections();
        if (r.evaluated() == 0) {
            return new InfeasiblePlanException("bounds", "The search space is empty: no d_model, layer count and expert"
                    + " width satisfy the aspect-ratio and granularity bounds together.");
        }
        Constraint binding = outcome.binding().orElseThrow();
        String id = binding.id();
        String detail = switch (binding) {
            case TOO_FEW_TOKENS -> "C = " + Fmt.sci(request.computeFlops())
                    + " FLOPs cannot train even the smallest shape searched on as many tokens as it has active"
                    + " parameters; that needs at least " + Fmt.sci(outcome.minTrainableCompute()) + " FLOPs.";
            case MEMORY_CAP -> "The memory cap of " + Fmt.count(request.maxTotalParams())
                    + " total parameters is below the smallest shape searched (" + Fmt.count(outcome.minTotalParams())
                    + ").";
            case FIXED_TOTAL_PARAMS -> "No shape searched has " + Fmt.count(request.fixedTotalParams()) + " ± "
                    + Fmt.pct(request.fixedTotalParamsTolerance()) + " total parameters under the other constraints.";
            case MAX_EPOCHS -> "Every trainable shape would repeat the " + Fmt.count(request.uniqueTokens())
                    + " unique tokens more than " + Fmt.num(request.maxEpochs()) + " times.";
            case EXPERT_PARALLEL -> "No searched expert count is divisible by the expert-parallel degree "
                    + request.expertParallelDegree() + ".";
            case MIN_ACTIVATION -> "Every remaining shape activates less than A = "
                    + Fmt.pct(request.bounds().minActivationRatio()) + ".";
            case GPU_MEMORY -> "No remaining shape fits " + request.hardware().gpus() + " GPUs of "
                    + Fmt.num(request.hardware().memoryGb()) + " GB under any parallel layout searched (memory per GPU:"
                    + " weights, gradients, Adam states after ZeRO-" + request.hardware().training().zeroStage()
                    + ", activations with " + request.hardware().training().recompute().name().toLowerCase()
                    + " recomputation): use more GPUs, GPUs with more memory, or a smaller compute budget.";
        };
        return new InfeasiblePlanException(id, "No MoE shape satisfies the request; binding constraint " + id + " ("
                + binding.description() + ", sole reason for " + r.soleByConstraint().get(id) + " of " + r.evaluated()
                + " shapes). " + detail);
    }
}
