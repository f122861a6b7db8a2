package dev.moeadvisor.budget;

/**
 * One training budget stated three consistent ways: tokens {@code D}, compute {@code C = M·D} for a model with
 * {@code M} training FLOPs per token, and (when given as hardware) the GPU budget behind it.
 *
 * @param tokens       tokens consumed
 * @param computeFlops training FLOPs
 * @param gpu          the hardware budget, or {@code null} when the budget was given as tokens or FLOPs
 * @param givenAs      which form the user gave: {@code tokens}, {@code computeFlops} or {@code gpuBudget}
 */
public record TrainingBudget(double tokens, double computeFlops, GpuBudget gpu, String givenAs) {

    /** Largest compute accepted: far above any training run (frontier runs are ~1e26 FLOPs). */
    public static final double MAX_COMPUTE = 1e32;
    /** Largest token count accepted. */
    public static final double MAX_TOKENS = 1e18;

    public static TrainingBudget ofTokens(double tokens, double flopsPerToken) {
        BudgetException.requireFinitePositive("tokens", tokens, MAX_TOKENS);
        return new TrainingBudget(tokens, tokens * flopsPerToken, null, "tokens");
    }

    public static TrainingBudget ofCompute(double computeFlops, double flopsPerToken) {
        BudgetException.requireFinitePositive("computeFlops", computeFlops, MAX_COMPUTE);
        return new TrainingBudget(computeFlops / flopsPerToken, computeFlops, null, "computeFlops");
    }

    public static TrainingBudget ofGpu(GpuBudget gpu, double flopsPerToken) {
        double c = gpu.computeFlops();
        if (c > MAX_COMPUTE) {
            throw new BudgetException("gpuBudget", "gives " + c + " FLOPs, above the limit of " + MAX_COMPUTE);
        }
        return new TrainingBudget(c / flopsPerToken, c, gpu, "gpuBudget");
    }

    /** GPU-hours when the budget was given as hardware, else {@code NaN}. */
    public double gpuHours() {
        return gpu == null ? Double.NaN : gpu.gpuHours();
    }
}
