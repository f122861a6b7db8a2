package dev.moeadvisor.budget;

import java.util.Arrays;
import java.util.Optional;

/**
 * GPU presets with their dense BF16 peak throughput (no sparsity), from the vendors' data sheets:
 * NVIDIA A100 (312 TFLOP/s), H100 / H800 / H200 SXM (989 TFLOP/s), B200 (2.25 PFLOP/s), AMD MI300X (1.307 PFLOP/s).
 */
public enum Gpu {
    A100("NVIDIA A100", 312e12),
    H100("NVIDIA H100 SXM", 989e12),
    H800("NVIDIA H800 SXM", 989e12),
    H200("NVIDIA H200 SXM", 989e12),
    B200("NVIDIA B200", 2.25e15),
    MI300X("AMD MI300X", 1.307e15);

    private final String label;
    private final double peakFlops;

    Gpu(String label, double peakFlops) {
        this.label = label;
        this.peakFlops = peakFlops;
    }

    public String label() {
        return label;
    }

    /** Dense BF16 peak, FLOP/s per GPU. */
    public double peakFlops() {
        return peakFlops;
    }

    /** Case-insensitive lookup by name ({@code h100}, {@code MI300X}). */
    public static Optional<Gpu> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(g -> g.name().equalsIgnoreCase(name.trim())).findFirst();
    }
}
