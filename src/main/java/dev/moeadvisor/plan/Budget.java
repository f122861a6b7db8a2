package dev.moeadvisor.plan;

/**
 * One budget of a sweep.
 *
 * @param computeFlops training compute C
 * @param uniqueTokens unique tokens U ({@link PlanRequest#AMPLE} = unlimited)
 */
public record Budget(double computeFlops, double uniqueTokens) {
}
