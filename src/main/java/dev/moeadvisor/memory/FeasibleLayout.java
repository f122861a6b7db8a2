package dev.moeadvisor.memory;

/** A layout and the memory of its most loaded GPU. */
public record FeasibleLayout(ParallelLayout layout, MemoryBreakdown memory) {
}
