package dev.moeadvisor.budget;

/**
 * A budget as the user gave it: exactly one of tokens, compute FLOPs or a GPU budget.
 */
public record BudgetInput(Double tokens, Double computeFlops, GpuBudget gpu) {

    /** Resolves the budget for a model of {@code flopsPerToken} training FLOPs per token. */
    public TrainingBudget resolve(double flopsPerToken) {
        int given = (tokens != null ? 1 : 0) + (computeFlops != null ? 1 : 0) + (gpu != null ? 1 : 0);
        if (given != 1) {
            throw new BudgetException("budget", given == 0
                    ? "give one of tokens, computeFlops or gpuBudget"
                    : "give only one of tokens, computeFlops or gpuBudget");
        }
        if (tokens != null) {
            return TrainingBudget.ofTokens(tokens, flopsPerToken);
        }
        if (computeFlops != null) {
            return TrainingBudget.ofCompute(computeFlops, flopsPerToken);
        }
        return TrainingBudget.ofGpu(gpu, flopsPerToken);
    }
}
