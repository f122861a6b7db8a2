package dev.moeadvisor.law.family;

import dev.moeadvisor.law.Citation;
import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import dev.moeadvisor.law.Range;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

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

    @Override
    public String formula() {
        return "L = L_dense(EL(A, G, C)·N_active, D), EL = Â^(α + γ·(log2 G)² + β·log2 G), α = a + d·log10 C";
    }

    @Override
    public Map<String, Double> coefficients() {
        EfficiencyLeverageLaw el = model.el();
        DenseLossLaw d = model.dense();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("a", el.a());
        m.put("d", el.d());
        m.put("gamma", el.gamma());
        m.put("betaG", el.beta());
        m.put("aStart", el.aStart());
        m.put("aMax", el.aMax());
        m.put("E", d.e());
        m.put("A_N", d.aN());
        m.put("B_D", d.bD());
        m.put("alpha", d.alpha());
        m.put("beta", d.beta());
        return m;
    }

    @Override
    public Citation citation() {
        return model.el().citation();
    }

    @Override
    public LawConventions conventions() {
        return new LawConventions(
                "N = active non-embedding parameters",
                "Ling's A = (k + s)/(E + s), s = E_s·d_shared/d_expert; G = 2·d_model/d_expert",
                "M = 3·(2·N_active + 4·S·L·n_h·d_h) a token (Ling App. C), D = C/M",
                unit(),
                model.dense().id() + " (" + model.dense().citation().text() + "), compute 6·N·D");
    }

    @Override
    public String unit() {
        return model.dense().unit();
    }

    /** The EL law's fitted ranges (Ling §5: C 1e18–6e20, A 0.8%–100%, G 2–16); the dense laws state none. */
    @Override
    public Map<Axis, Range> ranges() {
        EfficiencyLeverageLaw.ElRange r = model.el().range();
        Map<Axis, Range> m = new EnumMap<>(Axis.class);
        m.put(Axis.COMPUTE, r.compute());
        m.put(Axis.ACTIVATION, r.activation());
        m.put(Axis.GRANULARITY, r.granularity());
        return m;
    }

    @Override
    public Map<Axis, String> axisMeanings() {
        Map<Axis, String> m = new EnumMap<>(Axis.class);
        m.put(Axis.COMPUTE, "FLOPs, M·D");
        m.put(Axis.ACTIVATION, "Ling's A");
        m.put(Axis.GRANULARITY, "G = 2·d_model/d_expert");
        return m;
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
