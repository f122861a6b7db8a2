package dev.moeadvisor.web.api;

import dev.moeadvisor.memory.AllToAll;
import dev.moeadvisor.memory.LayoutOptions;
import dev.moeadvisor.memory.ParallelLayout;

import java.util.List;
import java.util.function.Function;

/**
 * Layouts of a shape over {@code gpus} GPUs with {@code memoryGb} each: the feasible ones ranked by
 * {@code ranking} (at most 20), how many fit and how many were valid, the layout needing the least memory, and —
 * when none fits — what would have to change. For an MoE given {@code mfu} and a peak, each layout carries its
 * expert-parallel all-to-all estimate ({@code allToAll.ratio} > 1: it would outlast the layer's compute).
 */
public record LayoutsResponse(long gpus, double memoryGb, boolean fits, String ranking, int feasibleCount,
                              int validCount, boolean truncated, List<MemoryDto> layouts, MemoryDto leastMemory,
                              List<String> changes, List<String> citations) {

    static final String RANKING = "smallest TP·PP first (least model-parallel communication), then smallest EP,"
            + " then smallest ETP, then least memory";

    /** With {@code allToAll} (a layout → its estimate, or {@code null}) for each feasible layout. */
    static LayoutsResponse of(LayoutOptions o, Function<ParallelLayout, AllToAll> allToAll) {
        return new LayoutsResponse(o.gpus(), o.bytesPerGpu() / 1e9, o.fits(), RANKING, o.feasibleCount(),
                o.validCount(), o.truncated(),
                o.feasible().stream().map(f -> MemoryDto.of(f.layout(), f.memory(), allToAll.apply(f.layout()))).toList(),
                o.leastMemory() == null ? null : MemoryDto.of(o.leastMemory().layout(), o.leastMemory().memory()),
                o.changes(), MemoryResponse.CITATIONS);
    }
}
