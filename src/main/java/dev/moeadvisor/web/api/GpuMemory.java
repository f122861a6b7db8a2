package dev.moeadvisor.web.api;

import dev.moeadvisor.budget.Gpu;
import dev.moeadvisor.memory.LayoutException;

/** Memory per GPU from a preset name or a number of GB; {@code memoryGb} wins when both are given. */
final class GpuMemory {

    private GpuMemory() {
    }

    /** Bytes per GPU, or {@code null} when neither is given. */
    static Double bytes(String gpu, Double memoryGb) {
        if (memoryGb != null) {
            return memoryGb * 1e9;
        }
        if (gpu == null || gpu.isBlank()) {
            return null;
        }
        Gpu preset = Gpu.byName(gpu).orElseThrow(() -> new LayoutException("gpu",
                "unknown GPU '" + gpu + "'; use one of " + Gpu.names() + " or give memoryGb"));
        return preset.memoryBytes();
    }
}
