package dev.moeadvisor.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.moeadvisor.memory.AllToAll;
import dev.moeadvisor.memory.MemoryBreakdown;
import dev.moeadvisor.memory.ParallelLayout;

/** One GPU's training memory (GB = 10⁹ bytes) in the most loaded pipeline stage, under a layout. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemoryDto(LayoutRequest layout, String label, long gpus, int stage, double denseParams,
                        double expertParams, double weightsGb, double gradientsGb, double optimizerGb,
                        double activationsGb, double overheadFactor, double totalGb,
                        HardwareDto.AllToAllDto allToAll) {

    static MemoryDto of(ParallelLayout l, MemoryBreakdown m) {
        return of(l, m, null);
    }

    /** With the layout's all-to-all estimate, or {@code null}. */
    static MemoryDto of(ParallelLayout l, MemoryBreakdown m, AllToAll a) {
        return new MemoryDto(LayoutRequest.of(l), l.label(), l.gpus(), m.stage(), m.denseParams(), m.expertParams(),
                m.weights() / 1e9, m.gradients() / 1e9, m.optimizer() / 1e9, m.activations() / 1e9,
                m.overheadFactor(), m.total() / 1e9, a == null ? null : HardwareDto.AllToAllDto.of(a));
    }
}
