package dev.moeadvisor.web.api;

import dev.moeadvisor.budget.BudgetInput;
import dev.moeadvisor.budget.TrainingBudget;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** {@code POST /api/v1/evaluate}: a shape and exactly one of tokens, computeFlops, gpuBudget. */
public record EvaluateRequest(
        @NotNull @Valid ShapeRequest shape,
        @Positive @DecimalMax("" + TrainingBudget.MAX_TOKENS) Double tokens,
        @Positive @DecimalMax("" + TrainingBudget.MAX_COMPUTE) Double computeFlops,
        @Valid GpuBudgetRequest gpuBudget) {

    public BudgetInput budget() {
        return new BudgetInput(tokens, computeFlops, gpuBudget == null ? null : gpuBudget.toBudget());
    }
}
