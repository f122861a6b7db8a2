package dev.moeadvisor.web.api;

import dev.moeadvisor.budget.TrainingBudget;
import dev.moeadvisor.law.family.LawComparison;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * {@code POST /api/v1/laws/compare}: an MoE shape and exactly one of {@code computeFlops} (one compute) or
 * {@code computeRange} (computes spaced evenly in log C).
 */
public record LawCompareRequest(
        @NotNull @Valid ShapeRequest shape,
        @Positive @DecimalMax("" + TrainingBudget.MAX_COMPUTE) Double computeFlops,
        @Valid ComputeRange computeRange) {

    /**
     * Computes from {@code min} to {@code max} inclusive, {@code points} of them, evenly spaced in log C.
     *
     * @param points 2 to {@link LawComparison#MAX_COMPUTES}; default 13
     */
    public record ComputeRange(
            @NotNull @Positive @DecimalMax("" + TrainingBudget.MAX_COMPUTE) Double min,
            @NotNull @Positive @DecimalMax("" + TrainingBudget.MAX_COMPUTE) Double max,
            @Min(2) @Max(LawComparison.MAX_COMPUTES) Integer points) {
    }
}
