package dev.moeadvisor.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.moeadvisor.budget.GpuBudget;
import dev.moeadvisor.memory.AllToAll;
import dev.moeadvisor.memory.LayoutOptions;
import dev.moeadvisor.plan.HardwarePlan;

import java.util.List;

/**
 * A plan on the user's GPUs (issue 9 item 7; issue 12): the GPU budget echoed, the layout that fits the
 * recommendation and the dense baseline, wall-clock hours at each one's MFU, and EL in FLOPs next to the leverage
 * in GPU-hours ({@code EL · moeMfuRatio}); with {@code gpuBudget.pricePerGpuHour}, the cost of each
 * ({@code GPUs × hours × price}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HardwareDto(String gpu, String gpuLabel, double peakFlops, double count, double hours, double mfu,
                          Double memoryGb, double moeMfuRatio, double moeMfu, double computeFlops, double gpuHours,
                          double recommendedMfu, double recommendedHours, double denseHours, double elFlops,
                          double elGpuHours, LayoutFit recommendedLayout, LayoutFit denseLayout,
                          Double pricePerGpuHour, Double recommendedCost, Double denseCost, AllToAllDto allToAll) {

    /** The expert-parallel all-to-all of the recommended layout against one MoE layer's compute. */
    public record AllToAllDto(double bytesPerToken, double bandwidthGBps, double ratio, boolean exceedsCompute) {
        static AllToAllDto of(AllToAll a) {
            return new AllToAllDto(a.bytesPerToken(), a.bandwidth() / 1e9, a.ratio(), a.exceedsCompute());
        }
    }

    /** The best layout (null when none fits), and when none fits what would have to change. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LayoutFit(boolean fits, MemoryDto best, int feasibleCount, List<String> changes) {
        static LayoutFit of(LayoutOptions o) {
            return new LayoutFit(o.fits(), o.fits() ? MemoryDto.of(o.best().layout(), o.best().memory()) : null,
                    o.feasibleCount(), o.changes().isEmpty() ? null : o.changes());
        }
    }

    static HardwareDto of(HardwarePlan p) {
        GpuBudget b = p.hardware().budget();
        return new HardwareDto(b.gpu() == null ? null : b.gpu().name(), b.gpu() == null ? "custom" : b.gpu().label(),
                b.peakFlops(), b.count(), b.hours(), b.mfu(),
                p.hardware().hasMemory() ? p.hardware().memoryGb() : null, p.hardware().moeMfuRatio(),
                p.hardware().mfu(true), b.computeFlops(), b.gpuHours(), p.recommendedMfu(), p.recommendedHours(),
                p.denseHours(), p.elFlops(), p.elGpuHours(), p.recommendedLayout().map(LayoutFit::of).orElse(null),
                p.denseLayout().map(LayoutFit::of).orElse(null), finite(p.hardware().pricePerGpuHour()),
                finite(p.recommendedCost()), finite(p.denseCost()), p.allToAll().map(AllToAllDto::of).orElse(null));
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
