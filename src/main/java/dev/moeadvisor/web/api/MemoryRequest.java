package dev.moeadvisor.web.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * {@code POST /api/v1/memory}: a shape, a layout and optionally the training setup; optionally {@code gpus} (must
 * equal DP·TP·PP·CP) and {@code gpu} (a preset) or {@code memoryGb}, to say whether it fits.
 */
public record MemoryRequest(
        @NotNull @Valid ShapeRequest shape,
        @NotNull @Valid LayoutRequest layout,
        @Valid TrainingSetupRequest training,
        @Min(1) @Max(dev.moeadvisor.memory.ParallelLayout.MAX_DEGREE) Integer gpus,
        String gpu,
        @Positive @DecimalMax("10000") Double memoryGb) {
}
