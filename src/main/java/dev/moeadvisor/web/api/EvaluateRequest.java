package dev.moeadvisor.web.api;

import dev.moeadvisor.budget.BudgetInput;
import dev.moeadvisor.budget.TrainingBudget;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/evaluate}: a shape and exactly one of tokens, computeFlops, gpuBudget; optionally {@code model},
 * a published MoE law family's id ({@code GET /api/v1/laws}, kind {@code moe-loss-family}) whose verdict is added as
 * {@code lawFamily}, or {@code ling-2025} (the default: the published Ling laws alone).
 */
public record EvaluateRequest(
        @NotNull @Valid ShapeRequest shape,
        @Positive @DecimalMax("" + TrainingBudget.MAX_TOKENS) Double tokens,
        @Positive @DecimalMax("" + TrainingBudget.MAX_COMPUTE) Double computeFlops,
        @Valid GpuBudgetRequest gpuBudget,
        @Size(max = 64) String model) {

    /** Without a model: the published Ling laws. */
    public EvaluateRequest(ShapeRequest shape, Double tokens, Double computeFlops, GpuBudgetRequest gpuBudget) {
        this(shape, tokens, computeFlops, gpuBudget, null);
    }

    public BudgetInput budget() {
        return new BudgetInput(tokens, computeFlops, gpuBudget == null ? null : gpuBudget.toBudget());
    }
}
