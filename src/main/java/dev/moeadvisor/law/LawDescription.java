package dev.moeadvisor.law;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A published coefficient set as shown to users: what it predicts, its coefficients, the ranges it was fitted on
 * and its citation.
 *
 * @param id           stable id
 * @param kind         {@code efficiency-leverage}, {@code allocation}, {@code hyper-parameters}, {@code dense-loss},
 *                     {@code repetition}
 * @param formula      the formula in plain text
 * @param coefficients name → value, in the formula's order
 * @param fittedRanges name → range (empty when the source states none)
 * @param citation     source
 */
public record LawDescription(String id, String kind, String formula, Map<String, Double> coefficients,
                             Map<String, Range> fittedRanges, Citation citation) {

    /** Every published coefficient set the advisor uses. */
    public static List<LawDescription> published() {
        EfficiencyLeverageLaw el = EfficiencyLeverageLaw.LING_2025;
        return List.of(
                new LawDescription("ling-2025", "efficiency-leverage",
                        "EL = Â^(α + γ·(log2 G)² + β·log2 G), α = a + d·log10 C, 1/Â = 1/(A + (1/A_start − 1/A_max)^−1) + 1/A_max",
                        ordered("a", el.a(), "d", el.d(), "gamma", el.gamma(), "beta", el.beta(),
                                "aStart", el.aStart(), "aMax", el.aMax()),
                        ordered("computeFlops", el.range().compute(), "activationRatio", el.range().activation(),
                                "granularity", el.range().granularity()),
                        el.citation()),
                allocation(AllocationLaw.LING_MOE),
                allocation(AllocationLaw.LING_DENSE),
                new LawDescription(HyperParameterLaws.LING_ID, "hyper-parameters",
                        "lr = c_lr·C^p_lr, batch = c_b·C^p_b (tokens)",
                        ordered("c_lr", HyperParameterLaws.LING_LR.coefficient(), "p_lr", HyperParameterLaws.LING_LR.exponent(),
                                "c_b", HyperParameterLaws.LING_BATCH.coefficient(), "p_b", HyperParameterLaws.LING_BATCH.exponent()),
                        ordered("computeFlops", AllocationLaw.LING_COMPUTE),
                        Citation.LING.at("Eq. 3")),
                new LawDescription(HyperParameterLaws.STEP_ID, "hyper-parameters",
                        "lr = c_lr·N^p_N·D^p_D, batch = c_b·D^p_b (tokens); N non-embedding parameters, D tokens",
                        ordered("c_lr", HyperParameterLaws.STEP_LR_COEFF, "p_N", HyperParameterLaws.STEP_LR_N_EXP,
                                "p_D", HyperParameterLaws.STEP_LR_D_EXP, "c_b", HyperParameterLaws.STEP_BATCH.coefficient(),
                                "p_b", HyperParameterLaws.STEP_BATCH.exponent()),
                        ordered("params", HyperParameterLaws.STEP_PARAMS, "tokens", HyperParameterLaws.STEP_TOKENS),
                        Citation.STEP.at("Eq. 1–2")),
                dense(DenseLossLaw.CHINCHILLA),
                dense(DenseLossLaw.EPOCH),
                new LawDescription("muennighoff-2023", "repetition",
                        "D_eff = U + U·R*·(1 − exp(−R/R*)), R = D/U − 1",
                        ordered("rStar", DataRepetition.R_STAR), Map.of(), Citation.MUENNIGHOFF.at("Eq. 5")));
    }

    private static LawDescription allocation(AllocationLaw law) {
        return new LawDescription(law.id(), "allocation", "M_opt = m·C^p (training FLOPs per token), D_opt = c·C^q (tokens)",
                ordered("m", law.flopsPerToken().coefficient(), "p", law.flopsPerToken().exponent(),
                        "c", law.tokens().coefficient(), "q", law.tokens().exponent()),
                ordered("computeFlops", law.compute()), law.citation());
    }

    private static LawDescription dense(DenseLossLaw law) {
        return new LawDescription(law.id(), "dense-loss", "L = E + A_N/N^α + B_D/D^β  [" + law.unit() + "]",
                ordered("E", law.e(), "A_N", law.aN(), "B_D", law.bD(), "alpha", law.alpha(), "beta", law.beta()),
                Map.of(), law.citation());
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> ordered(Object... kv) {
        Map<String, V> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (V) kv[i + 1]);
        }
        return m;
    }
}
