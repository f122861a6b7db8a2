package dev.moeadvisor.plan;

import dev.moeadvisor.law.AllocationLaw;

/**
 * A compute-optimal allocation at the plan's compute (Ling, arXiv 2507.17702, Table 1).
 *
 * @param lawId         the allocation law's id
 * @param flopsPerToken {@code M_opt}, training FLOPs per token
 * @param tokens        {@code D_opt}
 * @param impliedParams {@code M_opt/6}: the active non-embedding parameters a shape would have if attention cost
 *                      no FLOPs (the usual {@code 6N} reading; a real shape with the same M has fewer)
 * @param extrapolated  true when the compute lies outside the range behind the law
 */
public record AllocationReference(String lawId, double flopsPerToken, double tokens, double impliedParams,
                                  boolean extrapolated) {

    static AllocationReference of(AllocationLaw law, double computeFlops) {
        double m = law.optimalFlopsPerToken(computeFlops);
        return new AllocationReference(law.id(), m, law.optimalTokens(computeFlops), m / 6.0,
                law.extrapolates(computeFlops));
    }
}
