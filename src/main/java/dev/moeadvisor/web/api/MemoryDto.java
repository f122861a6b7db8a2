package dev.moeadvisor.web.api;

import dev.moeadvisor.memory.MemoryBreakdown;
import dev.moeadvisor.memory.ParallelLayout;

/** One GPU's training memory (GB = 10⁹ bytes) in the most loaded pipeline stage, under a layout. */
public record MemoryDto(LayoutRequest layout, String label, long gpus, int stage, double denseParams,
                        double expertParams, double weightsGb, double gradientsGb, double optimizerGb,
                        double activationsGb, double overheadFactor, double totalGb) {

    static MemoryDto of(ParallelLayout l, MemoryBreakdown m) {
        return new MemoryDto(LayoutRequest.of(l), l.label(), l.gpus(), m.stage(), m.denseParams(), m.expertParams(),
                m.weights() / 1e9, m.gradients() / 1e9, m.optimizer() / 1e9, m.activations() / 1e9,
                m.overheadFactor(), m.total() / 1e9);
    }
}
