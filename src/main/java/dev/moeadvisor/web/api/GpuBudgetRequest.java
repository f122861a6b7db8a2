package dev.moeadvisor.web.api;

import dev.moeadvisor.budget.BudgetException;
import dev.moeadvisor.budget.Gpu;
import dev.moeadvisor.budget.GpuBudget;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A hardware budget: {@code gpu} (a preset: A100, A100_40, H100, H800, H200, B200, MI300X) or {@code peakFlops} (dense
 * BF16 FLOP/s per GPU), and {@code count}, {@code hours}, {@code mfu}; optionally {@code memoryGb} per GPU (default:
 * the preset's HBM; none for a custom peak), which the planner uses to keep only shapes that fit, and
 * {@code pricePerGpuHour} for the cost of a plan.
 */
public record GpuBudgetRequest(
        String gpu,
        @Positive @DecimalMax("1e20") Double peakFlops,
        @NotNull @Positive @DecimalMax("1e8") Double count,
        @NotNull @Positive @DecimalMax("1e7") Double hours,
        @NotNull @Positive @DecimalMax("1") Double mfu,
        @Positive @DecimalMax("10000") Double memoryGb,
        @PositiveOrZero @DecimalMax("1e6") Double pricePerGpuHour) {

    /** Without a memory size (the preset's, if any) and without a price. */
    public GpuBudgetRequest(String gpu, Double peakFlops, Double count, Double hours, Double mfu) {
        this(gpu, peakFlops, count, hours, mfu, null, null);
    }

    /** The price per GPU-hour, or {@code NaN}. */
    public double price() {
        return pricePerGpuHour != null ? pricePerGpuHour : Double.NaN;
    }

    /** Memory per GPU in GB: given, else the preset's, else {@code NaN}. */
    public double memory() {
        if (memoryGb != null) {
            return memoryGb;
        }
        GpuBudget b = toBudget();
        return b.gpu() != null ? b.gpu().memoryGb() : Double.NaN;
    }

    public GpuBudget toBudget() {
        if (gpu != null && !gpu.isBlank()) {
            Gpu preset = Gpu.byName(gpu).orElseThrow(() -> new BudgetException("gpuBudget.gpu",
                    "unknown GPU '" + gpu + "'; use one of " + Gpu.names() + " or give peakFlops"));
            double peak = peakFlops != null ? peakFlops : preset.peakFlops();
            return new GpuBudget(preset, peak, count, hours, mfu);
        }
        if (peakFlops == null) {
            throw new BudgetException("gpuBudget.peakFlops", "give a GPU preset or its peak FLOP/s");
        }
        return new GpuBudget(null, peakFlops, count, hours, mfu);
    }
}
