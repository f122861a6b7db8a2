package dev.moeadvisor.fit;

import dev.moeadvisor.law.EfficiencyLeverageLaw;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A named, cited set of priors shipped with the advisor. Exponents do not depend on the loss unit, so the dense
 * exponents α, β of Chinchilla and Epoch carry over to bits per character; the EL coefficients are unitless and
 * transfer between labs. The dense levels {@code E, A_N, B_D} belong to one corpus and metric and get no prior
 * here.
 *
 * @param id       the name used in the API and the fit form
 * @param title    a short description
 * @param citation the paper(s), with arXiv ids, and why these widths
 * @param priors   coefficient → prior
 */
public record PriorSet(String id, String title, String citation, Map<FitParameter, Prior> priors) {

    /**
     * Ling's EL coefficients, arXiv 2507.17702 Table 2: {@code a = 1.23} (sd 0.3), {@code d = −0.0761} (sd 0.015).
     * The widths let the EL exponent move by about ±0.3 at the runs' compute (the spread of Ling's own fit across
     * granularities) and keep the sign of the compute slope within 5 sd.
     */
    public static final PriorSet LING_2025_EL = new PriorSet("ling-2025-el",
            "Ling's EL coefficients a, d (Table 2)",
            "Tian et al., arXiv 2507.17702, Table 2: a = 1.23 (sd 0.3), d = −0.0761 (sd 0.015)",
            Map.of(FitParameter.A, new Prior(EfficiencyLeverageLaw.LING_2025.a(), 0.3),
                    FitParameter.D, new Prior(EfficiencyLeverageLaw.LING_2025.d(), 0.015)));

    /**
     * Chinchilla's dense exponents, arXiv 2203.15556 Eq. 10 (Approach 3): {@code α = 0.34}, {@code β = 0.28}, each
     * sd 0.05 (Epoch's replication, arXiv 2404.10102, lies 0.2 sd away in α and 1.7 sd in β).
     */
    public static final PriorSet CHINCHILLA_2022_EXPONENTS = new PriorSet("chinchilla-2022-exponents",
            "Chinchilla's dense exponents α, β",
            "Hoffmann et al., arXiv 2203.15556, Approach 3: α = 0.34, β = 0.28 (sd 0.05 each)",
            Map.of(FitParameter.ALPHA, new Prior(0.34, 0.05), FitParameter.BETA, new Prior(0.28, 0.05)));

    /** Epoch's replication of Chinchilla's Approach 3, arXiv 2404.10102: {@code α = 0.3478}, {@code β = 0.3658}, sd 0.05. */
    public static final PriorSet EPOCH_2024_EXPONENTS = new PriorSet("epoch-2024-exponents",
            "Epoch's dense exponents α, β (Chinchilla replication)",
            "Besiroglu et al., arXiv 2404.10102: α = 0.3478, β = 0.3658 (sd 0.05 each)",
            Map.of(FitParameter.ALPHA, new Prior(0.3478, 0.05), FitParameter.BETA, new Prior(0.3658, 0.05)));

    /**
     * Ling's EL coefficients and Epoch's dense exponents together (the default fit's priors): {@link #LING_2025_EL}
     * ∪ {@link #EPOCH_2024_EXPONENTS}.
     */
    public static final PriorSet LING_EL_EPOCH_EXPONENTS = union("ling-el-epoch-exponents",
            "Ling's EL coefficients a, d and Epoch's dense exponents α, β", LING_2025_EL, EPOCH_2024_EXPONENTS);

    public PriorSet {
        EnumMap<FitParameter, Prior> copy = new EnumMap<>(FitParameter.class);
        copy.putAll(priors);
        priors = Collections.unmodifiableMap(copy);
    }

    /** Every shipped set, in display order. */
    public static List<PriorSet> all() {
        return List.of(LING_2025_EL, CHINCHILLA_2022_EXPONENTS, EPOCH_2024_EXPONENTS, LING_EL_EPOCH_EXPONENTS);
    }

    private static PriorSet union(String id, String title, PriorSet first, PriorSet second) {
        Map<FitParameter, Prior> priors = new EnumMap<>(FitParameter.class);
        priors.putAll(first.priors());
        priors.putAll(second.priors());
        return new PriorSet(id, title, first.citation() + "; " + second.citation(), priors);
    }

    public static Optional<PriorSet> byId(String id) {
        return all().stream().filter(s -> s.id.equals(id)).findFirst();
    }
}
