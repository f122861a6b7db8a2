package dev.moeadvisor.web.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * {@code POST /api/v1/layouts}: a shape, a GPU count, {@code gpu} (a preset) or {@code memoryGb}, the setup; with
 * {@code mfu} (and a preset or {@code peakFlops}) each layout of an MoE also gets its all-to-all estimate.
 */
public record LayoutsRequest(
        @NotNull @Valid ShapeRequest shape,
        @NotNull @Min(1) @Max(dev.moeadvisor.memory.ParallelLayout.MAX_DEGREE) Integer gpus,
        String gpu,
        @Positive @DecimalMax("10000") Double memoryGb,
        @Valid TrainingSetupRequest training,
        @Positive @DecimalMax("1e20") Double peakFlops,
        @Positive @DecimalMax("1") Double mfu) {
}
