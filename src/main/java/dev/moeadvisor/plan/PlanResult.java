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
        List<dev.moeadvisor.envelope.Outside> outside) {

    /** A result before its evidence envelope is checked (the planner's; the service adds {@link #outside}). */
    public PlanResult(PlanRequest request, String lossModel, Candidate recommended, List<Candidate> alternatives,
                      Optional<DenseComparison> dense, ComputeOptimum moeOptimal, ComputeOptimum denseOptimal,
                      HyperParameters lingHyperParameters, HyperParameters stepHyperParameters, Rejections rejections,
                      String bindingConstraint, List<PlanWarning> warnings, List<String> rationale,
                      Optional<Uncertainty> uncertainty) {
        this(request, lossModel, recommended, alternatives, dense, moeOptimal, denseOptimal, lingHyperParameters,
                stepHyperParameters, rejections, bindingConstraint, warnings, rationale, uncertainty, List.of());
    }

    /**
     * The same result with the recommendation's evidence envelope: the axes on which it lies outside the model's
     * data, and by what factor ({@code dev.moeadvisor.envelope.EvidenceEnvelope}), also as a warning in words.
     */
    public PlanResult withOutside(List<dev.moeadvisor.envelope.Outside> list) {
        List<PlanWarning> w = new java.util.ArrayList<>(warnings);
        if (!list.isEmpty()) {
            w.add(new PlanWarning("outside-evidence", "The recommendation lies outside the model's runs: "
                    + dev.moeadvisor.envelope.EvidenceEnvelope.words(list) + "."));
        }
        return new PlanResult(request, lossModel, recommended, alternatives, dense, moeOptimal, denseOptimal,
                lingHyperParameters, stepHyperParameters, rejections, bindingConstraint, w, rationale, uncertainty,
                list);
    }

    /** The value of {@link #bindingConstraint()} when no constraint held back a better shape. */
    public static final String NO_BINDING_CONSTRAINT = "none";

    public PlanResult {
        alternatives = List.copyOf(alternatives);
        warnings = List.copyOf(warnings);
        rationale = List.copyOf(rationale);
        outside = outside == null ? List.of() : List.copyOf(outside);
    }

    /** All returned shapes: the recommendation, then the alternatives. */
    public List<Candidate> candidates() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(recommended), alternatives.stream()).toList();
    }

    public boolean hasWarning(String code) {
        return warnings.stream().anyMatch(w -> w.code().equals(code));
    }
}
