package dev.moeadvisor.law;

/**
 * Compute-optimal allocation of training compute {@code C} between model and data (Ling, arXiv 2507.17702,
 * Table 1): {@code M_opt = m·C^p} training FLOPs per token and {@code D_opt = c·C^q} tokens, with
 * {@code M_opt·D_opt ≈ C}.
 *
 * @param id         stable id, e.g. {@code ling-2025-moe}
 * @param flopsPerToken the law for {@code M_opt}
 * @param tokens     the law for {@code D_opt}
 * @param citation   source
 * @param compute    the compute range behind it
 */
public record AllocationLaw(String id, PowerLaw flopsPerToken, PowerLaw tokens, Citation citation, Range compute) {

    /**
     * The compute range of Ling's scaling experiments (science: 1e18 to 6e20 FLOPs). Table 1 states no range of
     * its own, so the EL law's range stands in for it.
     */
    static final Range LING_COMPUTE = new Range(1e18, 6e20);

    public static final AllocationLaw LING_DENSE = new AllocationLaw("ling-2025-dense",
            new PowerLaw(0.0655, 0.5422), new PowerLaw(15.2582, 0.4578), Citation.LING.at("Table 1 (dense)"), LING_COMPUTE);
    public static final AllocationLaw LING_MOE = new AllocationLaw("ling-2025-moe",
            new PowerLaw(0.1915, 0.5095), new PowerLaw(5.2232, 0.4905), Citation.LING.at("Table 1 (MoE)"), LING_COMPUTE);

    public double optimalFlopsPerToken(double computeFlops) {
        return flopsPerToken.value(computeFlops);
    }

    public double optimalTokens(double computeFlops) {
        return tokens.value(computeFlops);
    }

    public boolean extrapolates(double computeFlops) {
        return !compute.contains(computeFlops);
    }
}
