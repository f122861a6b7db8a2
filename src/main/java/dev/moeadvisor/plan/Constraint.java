package dev.moeadvisor.plan;

/**
 * Why a shape of the grid is rejected. Each constant has a stable {@link #id()}: the request field that would have
 * to change to admit the shape (the web layer shows it; {@link InfeasiblePlanException} carries it).
 *
 * <p>The granularity and aspect-ratio bounds, {@code E ≤ maxExperts} and the top-k range shape the grid itself
 * (no grid point lies outside them), so they never appear here; the activation-ratio bound is checked per shape
 * because it follows from the combination of {@code E} and {@code k}.
 */
public enum Constraint {
    /** Fewer training tokens than active parameters ({@code D < N_active}): the budget cannot train the shape. */
    TOO_FEW_TOKENS("computeFlops", "fewer training tokens than active parameters"),
    /** {@code N_total > maxTotalParams}. */
    MEMORY_CAP("memoryCap", "total parameters above the memory cap"),
    /** {@code |N_total/N_fixed − 1| > tolerance}. */
    FIXED_TOTAL_PARAMS("fixedTotalParams", "total parameters outside the fixed size's tolerance"),
    /** {@code D/U > maxEpochs}. */
    MAX_EPOCHS("maxEpochs", "more epochs over the unique data than allowed"),
    /** {@code E mod expertParallelDegree ≠ 0}. */
    EXPERT_PARALLEL("expertParallelDegree", "expert count not divisible by the expert-parallel degree"),
    /** {@code A < minActivationRatio} (evidence bound). */
    MIN_ACTIVATION("minActivationRatio", "activation ratio below the evidence bound"),
    /**
     * The shape fits none of the parallel layouts of the GPU budget within the memory per GPU
     * ({@link dev.moeadvisor.memory.LayoutSearch#fitsSomeLayout}); only with a GPU budget whose memory is known.
     */
    GPU_MEMORY("gpuBudget.count", "does not fit the GPUs' memory under any parallel layout");

    private final String id;
    private final String description;

    Constraint(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** Stable id, e.g. {@code memoryCap}. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /**
     * The words a reader sees for a constraint id ({@link #description()}), or the id itself when no constraint has
     * it (a search bound's id, which {@link BoundCheck} describes).
     */
    static String describe(String id) {
        for (Constraint c : values()) {
            if (c.id.equals(id)) {
                return c.description;
            }
        }
        return id;
    }

    int bit() {
        return 1 << ordinal();
    }
}
