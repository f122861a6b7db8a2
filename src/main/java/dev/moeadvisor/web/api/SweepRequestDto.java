package dev.moeadvisor.web.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * {@code POST /api/v1/plan/sweep}: the constraints of {@code template} (its budget fields are ignored) planned at
 * every budget of a grid — compute log-spaced from {@code minComputeFlops} to {@code maxComputeFlops} in
 * {@code computePoints} steps, times each of {@code uniqueTokens} (an empty list or a null entry: ample) — or at
 * the explicit {@code budgets}. At most 400 budgets.
 */
public record SweepRequestDto(
        @Valid PlanRequestDto template,
        @Positive @DecimalMax("1e32") Double minComputeFlops,
        @Positive @DecimalMax("1e32") Double maxComputeFlops,
        @Min(1) @Max(400) Integer computePoints,
        @Size(max = 400) List<@Positive @DecimalMax("1e18") Double> uniqueTokens,
        @Size(max = 400) List<@Valid @NotNull BudgetDto> budgets) {

    /** One budget of an explicit list. */
    public record BudgetDto(@NotNull @Positive @DecimalMax("1e32") Double computeFlops,
                            @Positive @DecimalMax("1e18") Double uniqueTokens) {}
}
