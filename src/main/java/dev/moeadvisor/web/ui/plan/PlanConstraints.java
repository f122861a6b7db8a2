package dev.moeadvisor.web.ui.plan;

import dev.moeadvisor.plan.Constraint;
import dev.moeadvisor.plan.PlanResult;
import dev.moeadvisor.plan.SearchBound;

import java.util.Arrays;
import java.util.Map;

/**
 * How the plan pages name the planner's constraints ({@link Constraint#id()}, plus {@code bounds} for an empty search
 * space) and which form input each one is about.
 */
public final class PlanConstraints {

    /** Short names, for "memory cap: …". */
    private static final Map<String, String> NAMES = Map.of(
            Constraint.TOO_FEW_TOKENS.id(), "compute",
            Constraint.MEMORY_CAP.id(), "memory cap",
            Constraint.FIXED_TOTAL_PARAMS.id(), "fixed total parameters",
            Constraint.MAX_EPOCHS.id(), "epochs limit",
            Constraint.EXPERT_PARALLEL.id(), "expert-parallel degree",
            Constraint.MIN_ACTIVATION.id(), "activation-ratio bound",
            Constraint.GPU_MEMORY.id(), "GPU memory",
            "bounds", "evidence bounds");

    /** The form input to change to relax each constraint. */
    private static final Map<String, String> FORM_FIELDS = Map.of(
            Constraint.TOO_FEW_TOKENS.id(), "computeFlops",
            Constraint.MEMORY_CAP.id(), "maxTotalParams",
            Constraint.FIXED_TOTAL_PARAMS.id(), "fixedTotalParams",
            Constraint.MAX_EPOCHS.id(), "maxEpochs",
            Constraint.EXPERT_PARALLEL.id(), "expertParallelDegree",
            Constraint.MIN_ACTIVATION.id(), "minActivationRatio",
            Constraint.GPU_MEMORY.id(), "gpuCount",
            "bounds", "maxGranularity");

    private PlanConstraints() {
    }

    static String name(String id) {
        if (PlanResult.NO_BINDING_CONSTRAINT.equals(id)) {
            return "none";
        }
        return NAMES.getOrDefault(id, SearchBound.labelOf(id));
    }

    /** What the constraint rejects, in words ({@link Constraint#description()}), or empty. */
    static String description(String id) {
        return Arrays.stream(Constraint.values()).filter(c -> c.id().equals(id)).map(Constraint::description)
                .findFirst().orElse(SearchBound.isBound(id) ? "a bound of the search space" : "");
    }

    /**
     * The form input that shows an infeasibility caused by {@code id}; for compute given as GPUs, the GPU count.
     */
    static String formField(String id, boolean budgetByGpu) {
        String field = FORM_FIELDS.getOrDefault(id, id);
        return budgetByGpu && "computeFlops".equals(field) ? "gpuCount" : field;
    }
}
