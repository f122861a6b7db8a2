package dev.moeadvisor.law.family;

import dev.moeadvisor.law.Citation;
import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.Range;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;


/**
 * The fine-grained MoE law of Krajewski, Ludziejewski et al., <em>Scaling Laws for Fine-Grained Mixture of
 * Experts</em>, arXiv 2402.07871 (Eq. 9, coefficients Table 1):
 *
 * <pre>  L(N, D, G) = c + (g/G^γ + a)/N^α + b/D^β</pre>
 *
 * with the dense law of the same table, {@code L(N, D) = c + a/N^α + b/D^β} (Eq. 1).
 *
 * <p>Its conventions, and how a shape is converted to them:
 * <ul>
 *   <li>{@code N} is the total number of non-embedding parameters (§5): the advisor's {@code N_total} (which also
 *       counts the router, {@code d_model·E} a layer; the paper's {@code N_MoE} excludes it).</li>
 *   <li>Granularity {@code G = d_ff/d_expert} with {@code d_ff = 4·d_model} (§3.1, §4), so {@code G = 4·d_model/
 *       d_expert}: twice Ling's {@code 2·d_model/d_expert}. The paper's FFNs are not gated; a SwiGLU expert of the
 *       same width holds 1.5× the parameters.</li>
 *   <li>Expansion rate {@code E = N_MoE/N_ff} (§4): total over active expert parameters, the advisor's {@code 1/A}.
 *       Every fit run has {@code E = 64}; the E = 16 study of App. D is a separate fit (Table 8), not used.</li>
 *   <li>FLOPs (Eq. 10, App. E): {@code F = (c_f·N_act + c_r·d_model·N_expert·n_MoE)·D} with {@code c_f = 6},
 *       {@code c_r = 14}, {@code N_act} non-embedding active parameters without the router, {@code N_expert} routed
 *       experts a layer; no attention-score FLOPs, embeddings excluded. A shape's tokens at a compute follow from
 *       it. The dense law's compute is {@code 6·N·D}.</li>
 *   <li>Loss: training loss, nats/token, C4 with the GPT-2 tokenizer (App. A).</li>
 * </ul>
 *
 * @param a     model-size coefficient
 * @param alpha model-size exponent
 * @param b     data coefficient
 * @param beta  data exponent
 * @param g     granularity coefficient
 * @param gamma granularity exponent
 * @param c     irreducible loss
 * @param dense the dense law of the same paper
 */
public record KrajewskiLaw(double a, double alpha, double b, double beta, double g, double gamma, double c,
                           DenseLossLaw dense) implements MoeLawFamily {

    /** FLOPs per active parameter and token outside routing (App. E: 6, after Hoffmann et al.). */
    public static final double C_F = 6.0;
    /** FLOPs per routing parameter and token (App. E: 14). */
    public static final double C_R = 14.0;

    static final Citation CITATION = new Citation("krajewski-2024", "Krajewski, Ludziejewski, et al.",
            "Scaling Laws for Fine-Grained Mixture of Experts", "2402.07871", "Eq. 9, Table 1");
    static final String UNIT = "nats/token (C4, GPT-2 tokenizer, training loss)";

    /** Table 1, dense row: a 16.3, α 0.126, b 26.7, β 0.127, c 0.47. */
    public static final DenseLossLaw DENSE = new DenseLossLaw(0.47, 16.3, 26.7, 0.126, 0.127,
            "krajewski-2024-dense", UNIT, CITATION.at("Eq. 1, Table 1 (dense)"));

    /** Table 1, MoE row: a 18.1, α 0.115, b 30.8, β 0.147, g 2.1, γ 0.58, c 0.47. */
    public static final KrajewskiLaw PUBLISHED = new KrajewskiLaw(18.1, 0.115, 30.8, 0.147, 2.1, 0.58, 0.47, DENSE);

    /**
     * At a fixed granularity the law is of Chinchilla form (Eq. 5): {@code L_G(N, D) = c + a_G/N^α + b/D^β} with
     * {@code a_G = a + g/G^γ}. The one place the MoE formula is written.
     */
    public DenseLossLaw atGranularity(double granularity) {
        return new DenseLossLaw(c, a + g / Math.pow(granularity, gamma), b, alpha, beta,
                id() + "@G=" + granularity, UNIT, CITATION);
    }

    /**
     * Training FLOPs per token of Eq. 10: {@code c_f·N_act + c_r·d_model·N_expert·n_MoE}.
     *
     * @param activeParams     non-embedding active parameters, routers excluded
     * @param dModel           model width
     * @param expertsPerLayer  routed experts a MoE layer ({@code N_expert = G·E} in the paper)
     * @param moeLayers        layers with a router
     */
    public static double flopsPerToken(double activeParams, double dModel, double expertsPerLayer, double moeLayers) {
        return C_F * activeParams + C_R * dModel * expertsPerLayer * moeLayers;
    }

    /**
     * Fitted ranges: {@code N} 129M–3.7B and {@code D} 16B–130B tokens (§5), {@code G} 1–16 (§5), {@code E = 64}
     * (§5). The paper states no compute range; 3e17–2e19 FLOPs is {@code 6·N_act·D} over the runs of App. A,
     * Table 3 (64×3M at 16B tokens to 64×49M at 66B).
     */
    @Override
    public LawCard card() {
        return new LawCard("krajewski-2024", "Krajewski et al. 2024 (fine-grained)",
                "L = c + (g/G^γ + a)/N^α + b/D^β; N total non-embedding, G = 4·d_model/d_expert",
                Ordered.coefficients("a", a, "alpha", alpha, "b", b, "beta", beta, "g", g, "gamma", gamma, "c", c),
                CITATION,
                new LawConventions(
                        "N = total non-embedding parameters (the advisor's N_total, router included)",
                        "G = d_ff/d_expert with d_ff = 4·d_model (twice Ling's G); expansion rate E = total/active expert parameters (= 1/A), fitted at E = 64 only",
                        "F = (6·N_act + 14·d_model·N_expert·n_MoE)·D (Eq. 10, App. E); no attention-score FLOPs, embeddings excluded",
                        UNIT,
                        "Table 1 dense row, L = 0.47 + 16.3/N^0.126 + 26.7/D^0.127, compute 6·N·D"),
                UNIT,
                Ordered.byAxis(Axis.COMPUTE, new Range(3e17, 2e19), Axis.PARAMS, new Range(1.29e8, 3.7e9),
                        Axis.TOKENS, new Range(16e9, 130e9), Axis.EXPERTS, new Range(64, 64),
                        Axis.GRANULARITY, new Range(1, 16)),
                Ordered.byAxis(Axis.COMPUTE, "FLOPs, Eq. 10", Axis.PARAMS, "total non-embedding parameters",
                        Axis.TOKENS, "training tokens", Axis.EXPERTS, "expansion rate E = total/active expert parameters",
                        Axis.GRANULARITY, "G = 4·d_model/d_expert"));
    }

    /** Its {@code E} is the expansion rate (§4), not an expert count. */
    @Override
    public String axisName(Axis axis) {
        return axis == Axis.EXPERTS ? "expansion rate E" : MoeLawFamily.super.axisName(axis);
    }

    @Override
    public LawPoint point(ModelShape shape, double computeFlops) {
        ShapeMetrics m = ShapeMetrics.of(shape);
        double routers = (double) shape.dModel() * shape.experts() * shape.moeLayers();
        double perToken = flopsPerToken(m.activeParams() - routers, shape.dModel(), shape.experts(), shape.moeLayers());
        return LawPoint.of(Axis.COMPUTE, computeFlops, Axis.PARAMS, m.totalParams(),
                Axis.TOKENS, computeFlops / perToken, Axis.EXPERTS, 1.0 / m.activationRatioLing(),
                Axis.GRANULARITY, 4.0 * shape.dModel() / shape.dExpert());
    }

    @Override
    public double loss(LawPoint point) {
        return atGranularity(point.get(Axis.GRANULARITY)).loss(point.get(Axis.PARAMS), point.get(Axis.TOKENS));
    }
}
