package dev.moeadvisor.budget;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * GPU presets with their dense BF16 peak throughput (no sparsity) and memory (HBM), from the vendors' data sheets:
 * NVIDIA A100 SXM 40 GB and 80 GB (312 TFLOP/s), H100 / H800 SXM (989 TFLOP/s, 80 GB), H200 SXM (989 TFLOP/s,
 * 141 GB), B200 (2.25 PFLOP/s, 192 GB; HGX B200 systems ship 180 GB), AMD MI300X (1.307 PFLOP/s, 192 GB). Memory is
 * in decimal GB as marketed (10⁹ bytes); the usable memory a driver reports is close to it (H100: 81,559 MiB =
 * 85.5 GB), so the marketed figure is a slightly conservative bound.
 */
public enum Gpu {
    A100("NVIDIA A100 SXM 80GB", 312e12, 80),
    A100_40("NVIDIA A100 SXM 40GB", 312e12, 40),
    H100("NVIDIA H100 SXM", 989e12, 80),
    H800("NVIDIA H800 SXM", 989e12, 80),
    H200("NVIDIA H200 SXM", 989e12, 141),
    B200("NVIDIA B200", 2.25e15, 192),
    MI300X("AMD MI300X", 1.307e15, 192);

    private final String label;
    private final double peakFlops;
    private final double memoryGb;

    Gpu(String label, double peakFlops, double memoryGb) {
        this.label = label;
        this.peakFlops = peakFlops;
        this.memoryGb = memoryGb;
    }

    public String label() {
        return label;
    }

    /** Dense BF16 peak, FLOP/s per GPU. */
    public double peakFlops() {
        return peakFlops;
    }

    /** Memory per GPU in GB (10⁹ bytes). */
    public double memoryGb() {
        return memoryGb;
    }

    /** Memory per GPU in bytes. */
    public double memoryBytes() {
        return memoryGb * 1e9;
    }

    /** Case-insensitive lookup by name ({@code h100}, {@code MI300X}, {@code A100_40}; {@code A100-40} too). */
    public static Optional<Gpu> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().replace('-', '_');
        return Arrays.stream(values()).filter(g -> g.name().equalsIgnoreCase(n)).findFirst();
    }

    /** The preset names, comma-separated, for messages. */
    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
