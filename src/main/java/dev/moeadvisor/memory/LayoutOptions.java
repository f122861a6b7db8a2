package dev.moeadvisor.memory;

import java.util.List;

/**
 * What {@link LayoutSearch} found.
 *
 * @param gpus          the GPU count searched
 * @param bytesPerGpu   the memory per GPU
 * @param feasible      the best {@link LayoutSearch#MAX_RESULTS} layouts that fit, ranked (first = recommended)
 * @param feasibleCount how many layouts fit in all
 * @param validCount    how many layouts split the shape evenly (fit or not)
 * @param leastMemory   the valid layout needing the least memory per GPU, or {@code null} when none is valid
 * @param truncated     whether the search stopped at its work bound before trying every layout
 * @param changes       when nothing fits: what would have to change, each checked by another search
 */
public record LayoutOptions(long gpus, double bytesPerGpu, List<FeasibleLayout> feasible, int feasibleCount,
                            int validCount, FeasibleLayout leastMemory, boolean truncated, List<String> changes) {

    public LayoutOptions {
        feasible = List.copyOf(feasible);
        changes = List.copyOf(changes);
    }

    public boolean fits() {
        return !feasible.isEmpty();
    }

    /** The recommended layout, or {@code null} when none fits. */
    public FeasibleLayout best() {
        return feasible.isEmpty() ? null : feasible.get(0);
    }
}
