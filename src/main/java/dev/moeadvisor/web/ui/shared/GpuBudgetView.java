package dev.moeadvisor.web.ui.shared;

import java.util.List;

/**
 * The GPU budget inputs as the {@code tags/gpuBudget.html} tag shows them.
 *
 * @param gpus      the presets (with their peak FLOP/s) and "custom"
 * @param gpuError  the message for the preset select, or {@code null}
 * @param peakFlops custom peak FLOP/s per GPU
 * @param gpuCount  number of GPUs
 * @param gpuHours  wall-clock hours
 * @param mfu       model FLOPs utilisation
 */
public record GpuBudgetView(List<Option> gpus, String gpuError, FieldView peakFlops, FieldView gpuCount,
                            FieldView gpuHours, FieldView mfu) {
}
