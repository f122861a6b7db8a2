package dev.moeadvisor.law;

/**
 * The compute-optimal allocation of a budget {@code C} under an {@link AllocationLaw}: training FLOPs per token
 * {@code M_opt}, tokens {@code D_opt}, and the implied parameter count {@code N ≈ M_opt/6} (active,
 * non-embedding; the 6 = 3 × 2 of {@code M = 3·(2N + attention)}, attention neglected — an approximation).
 *
 * @param lawId         the allocation law
 * @param flopsPerToken M_opt
 * @param tokens        D_opt
 * @param impliedParams M_opt / 6
 * @param extrapolated  C outside the law's fitted range
 * @param citation      source
 */
public record ComputeOptimum(String lawId, double flopsPerToken, double tokens, double impliedParams,
                             boolean extrapolated, Citation citation) {

    public static ComputeOptimum of(AllocationLaw law, double computeFlops) {
        double m = law.optimalFlopsPerToken(computeFlops);
        return new ComputeOptimum(law.id(), m, law.optimalTokens(computeFlops), m / 6.0,
                law.extrapolates(computeFlops), law.citation());
    }
}
