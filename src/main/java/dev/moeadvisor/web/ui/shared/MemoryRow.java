package dev.moeadvisor.web.ui.shared;

import dev.moeadvisor.memory.FeasibleLayout;
import dev.moeadvisor.memory.LayoutOptions;
import dev.moeadvisor.memory.MemoryBreakdown;

import java.util.List;

/**
 * One model's memory per GPU as the pages show it: the layout, the four parts and the total in GB (10⁹ bytes), or,
 * when nothing fits, what would have to change.
 *
 * @param who     which model ("recommended", "dense baseline", the shape's name)
 * @param fits    whether a layout fits
 * @param layout  the best layout's label, or the least-memory layout's when none fits
 * @param stage   the most loaded pipeline stage (0-based)
 * @param changes when nothing fits: what would have to change
 */
public record MemoryRow(String who, boolean fits, String layout, int stage, String weights, String gradients,
                        String optimizer, String activations, String overhead, String total, int feasibleCount,
                        List<String> changes) {

    public static MemoryRow of(String who, LayoutOptions o) {
        FeasibleLayout f = o.fits() ? o.best() : o.leastMemory();
        if (f == null) {
            return new MemoryRow(who, false, "none", 0, "", "", "", "", "", "", 0, o.changes());
        }
        MemoryBreakdown m = f.memory();
        return new MemoryRow(who, o.fits(), f.layout().label(), m.stage(), gb(m.weights()), gb(m.gradients()),
                gb(m.optimizer()), gb(m.activations()), "× " + NumberFormats.sig(m.overheadFactor()), gb(m.total()),
                o.feasibleCount(), o.changes());
    }

    static String gb(double bytes) {
        return NumberFormats.sig(bytes / 1e9) + " GB";
    }
}
