package dev.moeadvisor.fit;

import dev.moeadvisor.law.Citation;
import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;

import java.util.Map;
import java.util.Set;

/**
 * Maps the optimiser's vector (the free coefficients, log of the positive ones) to the eleven natural coefficients
 * and to a {@link MoeLossModel}, and back; clamps a vector into the bounds.
 */
final class Parameterization {

    private static final Citation WORKING = new Citation("fit-working", "", "", "", "");
    private static final int COUNT = FitParameter.values().length;

    private final FitParameter[] free;
    private final double[] base;

    Parameterization(Set<FitParameter> free, Map<FitParameter, Double> pinned) {
        this.free = free.toArray(new FitParameter[0]);
        this.base = new double[COUNT];
        for (Map.Entry<FitParameter, Double> e : pinned.entrySet()) {
            base[e.getKey().ordinal()] = e.getValue();
        }
    }

    int dimension() {
        return free.length;
    }

    FitParameter[] free() {
        return free.clone();
    }

    /** The eleven natural coefficients for an optimiser vector. */
    double[] natural(double[] x) {
        double[] n = base.clone();
        for (int j = 0; j < free.length; j++) {
            n[free[j].ordinal()] = free[j].toNatural(x[j]);
        }
        return n;
    }

    /** The optimiser vector of eleven natural coefficients. */
    double[] internal(double[] natural) {
        double[] x = new double[free.length];
        for (int j = 0; j < free.length; j++) {
            x[j] = free[j].toInternal(natural[free[j].ordinal()]);
        }
        return clamp(x);
    }

    /** A working model for an optimiser vector (placeholder ids and citation). */
    MoeLossModel model(double[] x) {
        return model(natural(x), "fit-working", "", WORKING, EfficiencyLeverageLaw.LING_2025.range());
    }

    static MoeLossModel model(double[] n, String id, String unit, Citation citation,
                              EfficiencyLeverageLaw.ElRange range) {
        DenseLossLaw dense = new DenseLossLaw(n[0], n[1], n[2], n[3], n[4], id, unit, citation);
        EfficiencyLeverageLaw el = new EfficiencyLeverageLaw(n[5], n[6], n[7], n[8], n[9], n[10], citation, range);
        return new MoeLossModel(dense, el);
    }

    /** The eleven natural coefficients of a model. */
    static double[] natural(MoeLossModel m) {
        double[] n = new double[COUNT];
        for (FitParameter p : FitParameter.values()) {
            n[p.ordinal()] = p.valueIn(m);
        }
        return n;
    }

    /** A copy of {@code x} within the bounds. */
    double[] clamp(double[] x) {
        double[] c = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            c[j] = Math.min(free[j].upper(), Math.max(free[j].lower(), x[j]));
        }
        return c;
    }

    double[] lower() {
        double[] l = new double[free.length];
        for (int j = 0; j < free.length; j++) {
            l[j] = free[j].lower();
        }
        return l;
    }

    double[] upper() {
        double[] u = new double[free.length];
        for (int j = 0; j < free.length; j++) {
            u[j] = free[j].upper();
        }
        return u;
    }
}
