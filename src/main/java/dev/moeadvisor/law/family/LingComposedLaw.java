package dev.moeadvisor.law.family;

import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;


/**
 * The advisor's own composition, Ling's EL law (arXiv 2507.17702, Eq. 13, Table 2) inside a Chinchilla-form dense
 * law, as a {@link MoeLawFamily}: an adapter over {@link MoeLossModel}, whose formula it does not restate.
 *
 * <p>Conventions are the advisor's: {@code N} = active non-embedding parameters, Ling's {@code A = (k+s)/(E+s)} and
 * {@code G = 2·d_model/d_expert}, FLOPs {@code M = 3·(2·N_active + 4·S·L·n_h·d_h)} a token (Ling App. C), unlimited
 * unique data; the loss is in the dense law's unit. The dense side of the EL is the dense law itself at
 * {@code C = 6·N·D}, the convention its coefficients were fitted with.
 *
 * @param id    stable id
 * @param name  short name
 * @param model the composed loss model
 */
public record LingComposedLaw(String id, String name, MoeLossModel model) implements MoeLawFamily {

    /** Ling EL law with the Chinchilla dense law (Hoffmann et al., arXiv 2203.15556). */
    public static final LingComposedLaw WITH_CHINCHILLA = new LingComposedLaw("ling-2025+chinchilla-2022",
            "Ling EL × Chinchilla", new MoeLossModel(DenseLossLaw.CHINCHILLA, EfficiencyLeverageLaw.LING_2025));
    /** Ling EL law with the Epoch replication of the Chinchilla fit (Besiroglu et al., arXiv 2404.10102). */
    public static final LingComposedLaw WITH_EPOCH = new LingComposedLaw("ling-2025+epoch-2024",
            "Ling EL × Epoch", new MoeLossModel(DenseLossLaw.EPOCH, EfficiencyLeverageLaw.LING_2025));

    /** Ranges: the EL law's (Ling §5: C 1e18–6e20, A 0.8%–100%, G 2–16); the dense laws state none. */
    @Override
    public LawCard card() {
        EfficiencyLeverageLaw el = model.el();
        DenseLossLaw d = model.dense();
        EfficiencyLeverageLaw.ElRange r = el.range();
        return new LawCard(id, name,
                "L = L_dense(EL(A, G, C)·N_active, D), EL = Â^(α + γ·(log2 G)² + β·log2 G), α = a + d·log10 C",
                Ordered.coefficients("a", el.a(), "d", el.d(), "gamma", el.gamma(), "betaG", el.beta(),
                        "aStart", el.aStart(), "aMax", el.aMax(), "E", d.e(), "A_N", d.aN(), "B_D", d.bD(),
                        "alpha", d.alpha(), "beta", d.beta()),
                el.citation(),
                new LawConventions(
                        "N = active non-embedding parameters",
                        "Ling's A = (k + s)/(E + s), s = E_s·d_shared/d_expert; G = 2·d_model/d_expert",
                        "M = 3·(2·N_active + 4·S·L·n_h·d_h) a token (Ling App. C), D = C/M",
                        d.unit(),
                        d.id() + " (" + d.citation().text() + "), compute 6·N·D"),
                d.unit(),
                Ordered.byAxis(Axis.COMPUTE, r.compute(), Axis.ACTIVATION, r.activation(),
                        Axis.GRANULARITY, r.granularity()),
                Ordered.byAxis(Axis.COMPUTE, "FLOPs, M·D", Axis.ACTIVATION, "Ling's A",
                        Axis.GRANULARITY, "G = 2·d_model/d_expert"));
    }

    @Override
    public LawPoint point(ModelShape shape, double computeFlops) {
        ShapeMetrics m = ShapeMetrics.of(shape);
        return LawPoint.of(Axis.COMPUTE, computeFlops, Axis.PARAMS, m.activeParams(),
                Axis.TOKENS, computeFlops / m.flopsPerTokenTraining(), Axis.ACTIVATION, m.activationRatioLing(),
                Axis.GRANULARITY, m.granularity());
    }

    @Override
    public double loss(LawPoint p) {
        return model.loss(p.get(Axis.PARAMS), p.get(Axis.TOKENS), Double.NaN, p.get(Axis.ACTIVATION),
                p.get(Axis.GRANULARITY), p.get(Axis.COMPUTE));
    }

    @Override
    public DenseLossLaw dense() {
        return model.dense();
    }
}
