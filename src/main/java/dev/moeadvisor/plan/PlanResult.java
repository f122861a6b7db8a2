package dev.moeadvisor.plan;

import dev.moeadvisor.law.ComputeOptimum;
import dev.moeadvisor.law.HyperParameters;

import java.util.List;
import java.util.Optional;

/**
 * A plan: the recommended shape, diverse alternatives, the dense baseline, the compute-optimal references, the
 * hyper-parameters, what was rejected and why, warnings and a plain-language rationale. Immutable.
 *
 * @param request             the request planned
 * @param lossModel           the loss model's description (dense law id and EL law citation)
 * @param recommended         the feasible shape of lowest predicted loss (ties: fewer total parameters)
 * @param alternatives        the best feasible shape of each other (E, k) pair, best first, at most
 *                            {@link PlanRequest#alternatives()}
 * @param dense               the dense baseline and the compute it would need to match (empty when no dense
 *                            shape is feasible)
 * @param moeOptimal          Ling's compute-optimal MoE allocation at this compute
 * @param denseOptimal        Ling's compute-optimal dense allocation at this compute
 * @param lingHyperParameters Ling's MoE learning rate and batch at this compute (arXiv 2507.17702, Eq. 3)
 * @param stepHyperParameters Step Law's learning rate and batch for the recommended N_active and D
 *                            (arXiv 2503.04715)
 * @param rejections          counts of rejected MoE shapes per constraint
 * @param bindingConstraint   id of the constraint that held back the most better shapes, or {@code none}
 * @param warnings            what to check before trusting the plan
 * @param rationale           sentences explaining the plan, every number computed
 * @param uncertainty         bootstrap intervals (empty without bootstrap models)
 * @param bestMoe             the MoE compared with the dense baseline: the best MoE shape whose EL exceeds 1 (else
 *                            the best MoE); the recommendation itself unless the dense model is recommended
 * @param searchBounds        the search bounds the recommendation sits on, each with what relaxing it alone admits
 * @param paired              paired differences under the bootstrap models (empty without them)
 * @param allocation          the recommendation's tokens against Ling's compute-optimal tokens
 * @param schedule            the one recommended learning rate, batch (in sequences) and step count
 * @param outside             the axes on which the recommendation lies outside the model's runs (under a law family:
 *                            outside the law's fitted ranges)
 * @param hardware            the plan on the request's GPUs: layouts, wall-clock, EL in GPU-hours (empty without a
 *                            GPU budget)
 */
public record PlanResult(
        PlanRequest request,
        String lossModel,
        Candidate recommended,
        List<Candidate> alternatives,
        Optional<DenseComparison> dense,
        ComputeOptimum moeOptimal,
        ComputeOptimum denseOptimal,
        HyperParameters lingHyperParameters,
        HyperParameters stepHyperParameters,
        Rejections rejections,
        String bindingConstraint,
        List<PlanWarning> warnings,
        List<String> rationale,
        Optional<Uncertainty> uncertainty,
        Candidate bestMoe,
        List<BoundCheck> searchBounds,
        Optional<PairedUncertainty> paired,
        AllocationCheck allocation,
        TrainingSchedule schedule,
        List<dev.moeadvisor.envelope.Outside> outside,
        Optional<HardwarePlan> hardware) {

    /** A result without a hardware plan. */
    public PlanResult(PlanRequest request, String lossModel, Candidate recommended, List<Candidate> alternatives,
                      Optional<DenseComparison> dense, ComputeOptimum moeOptimal, ComputeOptimum denseOptimal,
                      HyperParameters lingHyperParameters, HyperParameters stepHyperParameters, Rejections rejections,
                      String bindingConstraint, List<PlanWarning> warnings, List<String> rationale,
                      Optional<Uncertainty> uncertainty, Candidate bestMoe, List<BoundCheck> searchBounds,
                      Optional<PairedUncertainty> paired, AllocationCheck allocation, TrainingSchedule schedule,
                      List<dev.moeadvisor.envelope.Outside> outside) {
        this(request, lossModel, recommended, alternatives, dense, moeOptimal, denseOptimal, lingHyperParameters,
                stepHyperParameters, rejections, bindingConstraint, warnings, rationale, uncertainty, bestMoe,
                searchBounds, paired, allocation, schedule, outside, Optional.empty());
    }

    /** A result before its evidence envelope is checked (the planner's; the service adds {@link #outside}). */
    public PlanResult(PlanRequest request, String lossModel, Candidate recommended, List<Candidate> alternatives,
                      Optional<DenseComparison> dense, ComputeOptimum moeOptimal, ComputeOptimum denseOptimal,
                      HyperParameters lingHyperParameters, HyperParameters stepHyperParameters, Rejections rejections,
                      String bindingConstraint, List<PlanWarning> warnings, List<String> rationale,
                      Optional<Uncertainty> uncertainty, Candidate bestMoe, List<BoundCheck> searchBounds,
                      Optional<PairedUncertainty> paired, AllocationCheck allocation, TrainingSchedule schedule) {
        this(request, lossModel, recommended, alternatives, dense, moeOptimal, denseOptimal, lingHyperParameters,
                stepHyperParameters, rejections, bindingConstraint, warnings, rationale, uncertainty, bestMoe,
                searchBounds, paired, allocation, schedule, List.of());
    }

    /**
     * The same result with the recommendation's evidence envelope: the axes on which it lies outside the model's
     * data, and by what factor ({@code dev.moeadvisor.envelope.EvidenceEnvelope}), also as a warning in words.
     */
    public PlanResult withOutside(List<dev.moeadvisor.envelope.Outside> list) {
        List<PlanWarning> w = new java.util.ArrayList<>(warnings);
        if (!list.isEmpty()) {
            w.add(PlanWarnings.outsideEvidence(lossModel, list));
        }
        return new PlanResult(request, lossModel, recommended, alternatives, dense, moeOptimal, denseOptimal,
                lingHyperParameters, stepHyperParameters, rejections, bindingConstraint, w, rationale, uncertainty,
                bestMoe, searchBounds, paired, allocation, schedule, list, hardware);
    }

    /** The same result with its plan on the request's GPUs. */
    public PlanResult withHardware(HardwarePlan plan) {
        return new PlanResult(request, lossModel, recommended, alternatives, dense, moeOptimal, denseOptimal,
                lingHyperParameters, stepHyperParameters, rejections, bindingConstraint, warnings, rationale,
                uncertainty, bestMoe, searchBounds, paired, allocation, schedule, outside, Optional.ofNullable(plan));
    }

    /** The value of {@link #bindingConstraint()} when no constraint held back a better shape. */
    public static final String NO_BINDING_CONSTRAINT = "none";

    public PlanResult {
        alternatives = List.copyOf(alternatives);
        warnings = List.copyOf(warnings);
        rationale = List.copyOf(rationale);
        searchBounds = List.copyOf(searchBounds);
        outside = outside == null ? List.of() : List.copyOf(outside);
        hardware = hardware == null ? Optional.empty() : hardware;
    }

    /** False when the dense model is recommended: under the model, MoE does not pay at this budget. */
    public boolean moeRecommended() {
        return recommended.isMoe();
    }

    /** The search bounds that alone hold back shapes predicted better than the recommendation. */
    public List<BoundCheck> bindingBounds() {
        return searchBounds.stream().filter(BoundCheck::binding).toList();
    }

    /** All returned shapes: the recommendation, then the alternatives (the dense baseline apart). */
    public List<Candidate> candidates() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(recommended), alternatives.stream()).toList();
    }

    public boolean hasWarning(String code) {
        return warnings.stream().anyMatch(w -> w.code().equals(code));
    }
}
