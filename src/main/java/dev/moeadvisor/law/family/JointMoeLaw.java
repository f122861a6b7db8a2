package dev.moeadvisor.law.family;

import dev.moeadvisor.law.Citation;
import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.Range;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;


/**
 * The joint dense/MoE law of Ludziejewski, Pióro, Krajewski et al., <em>Joint MoE Scaling Laws: Mixture of Experts
 * Can Be Memory Efficient</em>, arXiv 2502.05172 (Eq. 6 and 4, coefficients App. B, Table 3):
 *
 * <pre>
 *   L(N_act, D, Ê) = a·Ê^δ·N_act^(α + γ·ln Ê) + b·Ê^ω·D^(β + ζ·ln Ê) + c
 *   1/Ê = 1/(E − 1 + (1/E_start − 1/E_max)⁻¹) + 1/E_max
 * </pre>
 *
 * At {@code E = 1}, {@code Ê = E_start} and the law is the paper's dense law; at any fixed {@code E} it is of
 * Chinchilla form (Table 4), which {@link #atExperts} builds.
 *
 * <p>Its conventions, and how a shape is converted to them:
 * <ul>
 *   <li>{@code N_act} counts active parameters <em>including</em> the embedding and unembedding (App. A.1): the
 *       advisor's {@code N_active + V·d_model·(1 or 2)}.</li>
 *   <li>Experts: Switch layers, top-1 routing, experts as wide as the dense FFN ({@code 3·d_model}, SwiGLU;
 *       granularity 1). A shape's {@code E} is read as its expansion rate, total over active expert parameters
 *       (the advisor's {@code 1/A}; {@code = E} for top-1 without shared experts); its {@code k} and its
 *       granularity {@code 3·d_model/d_expert} are checked against the fitted 1 and 1.</li>
 *   <li>FLOPs (App. A.2): {@code F = 6·N_act·D}, routing neglected; so a shape's tokens are {@code C/(6·N_act)}.</li>
 *   <li>Loss: final training loss, nats/token, FineWeb-Edu with the GPT-2 tokenizer (§5.1).</li>
 * </ul>
 */
public record JointMoeLaw(double a, double alpha, double delta, double gamma, double b, double beta, double omega,
                          double zeta, double eStart, double eMax, double c) implements MoeLawFamily {

    static final Citation CITATION = new Citation("ludziejewski-2025", "Ludziejewski, Pióro, Krajewski, et al.",
            "Joint MoE Scaling Laws: Mixture of Experts Can Be Memory Efficient", "2502.05172", "Eq. 6, Table 3");
    static final String UNIT = "nats/token (FineWeb-Edu, GPT-2 tokenizer, final training loss)";

    /**
     * Table 3: a 35.91, α −0.1889, δ −0.2285, γ 0.0098, b 35.98, β −0.1775, ω 0.5529, ζ −0.0259, E_start 2.0732,
     * E_max 290.4521, c 1.3637.
     */
    public static final JointMoeLaw PUBLISHED = new JointMoeLaw(35.91, -0.1889, -0.2285, 0.0098, 35.98, -0.1775,
            0.5529, -0.0259, 2.0732, 290.4521, 1.3637);

    /** Ê, the saturating transform of the expert count (Eq. 4). */
    public double effectiveExperts(double experts) {
        return 1.0 / (1.0 / (experts - 1.0 + 1.0 / (1.0 / eStart - 1.0 / eMax)) + 1.0 / eMax);
    }

    /**
     * The law at a fixed expert count, in Chinchilla form {@code L = c + m/N^μ' + n/D^ν'} (Table 4 prints
     * {@code m = a·Ê^δ}, {@code μ = α + γ·ln Ê}, {@code n = b·Ê^ω}, {@code ν = β + ζ·ln Ê}; here
     * {@code μ' = −μ}, {@code ν' = −ν}). The one place the MoE formula is written.
     */
    public DenseLossLaw atExperts(double experts) {
        double e = effectiveExperts(experts);
        double lnE = Math.log(e);
        return new DenseLossLaw(c, a * Math.pow(e, delta), b * Math.pow(e, omega), -(alpha + gamma * lnE),
                -(beta + zeta * lnE), id() + "@E=" + experts, UNIT, CITATION.at("Eq. 6, Table 3 (reduced as Table 4)"));
    }

    @Override
    public DenseLossLaw dense() {
        return atExperts(1);
    }

    /**
     * Fitted ranges, from the runs listed in App. E: {@code N_act} 79M–2.7B (with embeddings), {@code D} 0.5B–80B
     * tokens, {@code E} 1–32, top-1, granularity 1. Compute 2.4e17–5.3e20 FLOPs is {@code 6·N_act·D} over those
     * runs (derived; the paper states none).
     */
    @Override
    public LawCard card() {
        return new LawCard("ludziejewski-2025", "Ludziejewski et al. 2025 (joint MoE, top-1)",
                "L = a·Ê^δ·N_act^(α+γ·ln Ê) + b·Ê^ω·D^(β+ζ·ln Ê) + c, 1/Ê = 1/(E − 1 + (1/E_start − 1/E_max)^−1) + 1/E_max",
                Ordered.coefficients("a", a, "alpha", alpha, "delta", delta, "gamma", gamma, "b", b, "beta", beta,
                        "omega", omega, "zeta", zeta, "eStart", eStart, "eMax", eMax, "c", c),
                CITATION,
                new LawConventions(
                        "N_act = active parameters including embedding and unembedding (App. A.1)",
                        "E = number of experts, top-1, expert width = dense FFN width 3·d_model (granularity 1); a shape's E is read as its expansion rate 1/A",
                        "F = 6·N_act·D (App. A.2), routing neglected",
                        UNIT,
                        "the same law at E = 1 (Ê = E_start), compute 6·N_act·D"),
                UNIT,
                Ordered.byAxis(Axis.COMPUTE, new Range(2.4e17, 5.3e20), Axis.PARAMS, new Range(79e6, 2.7e9),
                        Axis.TOKENS, new Range(0.5e9, 80e9), Axis.EXPERTS, new Range(1, 32),
                        Axis.TOP_K, new Range(1, 1), Axis.GRANULARITY, new Range(1, 1)),
                Ordered.byAxis(Axis.COMPUTE, "FLOPs, 6·N_act·D", Axis.PARAMS, "active parameters with embeddings",
                        Axis.TOKENS, "training tokens", Axis.EXPERTS, "experts E (a shape's 1/A)",
                        Axis.TOP_K, "routed experts per token", Axis.GRANULARITY, "3·d_model/d_expert"));
    }

    @Override
    public LawPoint point(ModelShape shape, double computeFlops) {
        ShapeMetrics m = ShapeMetrics.of(shape);
        double params = m.activeParamsWithEmbeddings();
        return LawPoint.of(Axis.COMPUTE, computeFlops, Axis.PARAMS, params, Axis.TOKENS, computeFlops / (6.0 * params),
                Axis.EXPERTS, 1.0 / m.activationRatioLing(), Axis.TOP_K, shape.topK(),
                Axis.GRANULARITY, 3.0 * shape.dModel() / shape.dExpert());
    }

    /** A dense shape's {@code N_act} counts its embeddings too (App. A.1), as {@link #point} does for an MoE. */
    @Override
    public double denseParams(ModelShape denseShape) {
        return ShapeMetrics.of(denseShape).activeParamsWithEmbeddings();
    }

    @Override
    public double loss(LawPoint point) {
        return atExperts(point.get(Axis.EXPERTS)).loss(point.get(Axis.PARAMS), point.get(Axis.TOKENS));
    }
}
