package dev.moeadvisor.budget;

/**
 * Compute from hardware: {@code C = GPUs × hours × 3600 × peak × MFU}. MoE training usually runs at a lower MFU
 * than dense (arXiv 2506.12119, §5.2), so MFU is the user's input.
 *
 * @param gpu       the preset, or {@code null} for a custom peak
 * @param peakFlops dense BF16 peak per GPU, FLOP/s
 * @param count     number of GPUs
 * @param hours     wall-clock hours
 * @param mfu       model FLOPs utilisation in (0, 1]
 */
public record GpuBudget(Gpu gpu, double peakFlops, double count, double hours, double mfu) {

    public GpuBudget {
        BudgetException.requireFinitePositive("gpuBudget.peakFlops", peakFlops, 1e20);
        BudgetException.requireFinitePositive("gpuBudget.count", count, 1e8);
        BudgetException.requireFinitePositive("gpuBudget.hours", hours, 1e7);
        BudgetException.requireFinitePositive("gpuBudget.mfu", mfu, 1.0);
    }

    public static GpuBudget of(Gpu gpu, double count, double hours, double mfu) {
        return new GpuBudget(gpu, gpu.peakFlops(), count, hours, mfu);
    }

    public double computeFlops() {
        return count * hours * 3600.0 * peakFlops * mfu;
    }

    public double gpuHours() {
        return count * hours;
    }
}
