package dev.moeadvisor.fit;

import dev.moeadvisor.law.Citation;
import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the optimiser's vector (the free coefficients, log of the positive ones) to the eleven natural coefficients
 * and to a {@link MoeLossModel}, and back; clamps a vector into the bounds.
 *
 * <p>With joined data sets of their own loss level ({@link DenseSource}) the vector continues, after the shared
 * free coefficients ({@link #free()}), with each source's free {@code E, A_N, B_D} (log space), source by source;
 * a source's model ({@link #sourceModel}) is the shared coefficients with its own dense level.
 */
final class Parameterization {

    private static final Citation WORKING = new Citation("fit-working", "", "", "", "");
    private static final int COUNT = FitParameter.values().length;

    private final FitParameter[] free;
    private final double[] base;
    /** Every column's coefficient kind (for bounds): the shared free ones, then the sources' own. */
    private final FitParameter[] columns;
    /** Per source, per {@link DenseSource#OWN} coefficient: its column, or −1 when pinned. */
    private final int[][] sourceColumn;
    /** Per source, per {@link DenseSource#OWN} coefficient: its pin (natural), NaN when free. */
    private final double[][] sourcePin;

    Parameterization(Set<FitParameter> free, Map<FitParameter, Double> pinned) {
        this(free, pinned, List.of());
    }

    Parameterization(Set<FitParameter> free, Map<FitParameter, Double> pinned, List<DenseSource> sources) {
        this.free = free.toArray(new FitParameter[0]);
        this.base = new double[COUNT];
        for (Map.Entry<FitParameter, Double> e : pinned.entrySet()) {
            base[e.getKey().ordinal()] = e.getValue();
        }
        List<FitParameter> cols = new java.util.ArrayList<>(List.of(this.free));
        sourceColumn = new int[sources.size()][DenseSource.OWN.size()];
        sourcePin = new double[sources.size()][DenseSource.OWN.size()];
        for (int s = 0; s < sources.size(); s++) {
            for (int k = 0; k < DenseSource.OWN.size(); k++) {
                FitParameter p = DenseSource.OWN.get(k);
                if (sources.get(s).frees(p)) {
                    sourceColumn[s][k] = cols.size();
                    sourcePin[s][k] = Double.NaN;
                    cols.add(p);
                } else {
                    sourceColumn[s][k] = -1;
                    sourcePin[s][k] = sources.get(s).pinned().get(p);
                }
            }
        }
        this.columns = cols.toArray(new FitParameter[0]);
    }

    int dimension() {
        return columns.length;
    }

    /** Joined data sets with their own dense coefficients. */
    int sources() {
        return sourceColumn.length;
    }

    /** The column of source {@code s}'s own coefficient {@code k} ({@link DenseSource#OWN} order), −1 when pinned. */
    int sourceColumn(int s, int k) {
        return sourceColumn[s][k];
    }

    /** Source {@code s}'s eleven natural coefficients: the shared ones with its own E, A_N, B_D. */
    double[] sourceNatural(double[] x, int s) {
        double[] n = natural(x);
        for (int k = 0; k < DenseSource.OWN.size(); k++) {
            int c = sourceColumn[s][k];
            n[DenseSource.OWN.get(k).ordinal()] = c >= 0 ? DenseSource.OWN.get(k).toNatural(x[c]) : sourcePin[s][k];
        }
        return n;
    }

    /** Source {@code s}'s working model. */
    MoeLossModel sourceModel(double[] x, int s) {
        return model(sourceNatural(x, s), "fit-working", "", WORKING, EfficiencyLeverageLaw.LING_2025.range());
    }

    /**
     * The full optimiser vector of the shared natural coefficients and, per source, its natural own coefficients
     * ({@link DenseSource#OWN} order; pinned ones are ignored).
     */
    double[] internal(double[] natural, double[][] sourceNatural) {
        double[] x = new double[columns.length];
        for (int j = 0; j < free.length; j++) {
            x[j] = free[j].toInternal(natural[free[j].ordinal()]);
        }
        for (int s = 0; s < sourceColumn.length; s++) {
            for (int k = 0; k < DenseSource.OWN.size(); k++) {
                if (sourceColumn[s][k] >= 0) {
                    x[sourceColumn[s][k]] = DenseSource.OWN.get(k).toInternal(sourceNatural[s][k]);
                }
            }
        }
        return clamp(x);
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

    /** The optimiser vector of eleven natural coefficients (without joined sources). */
    double[] internal(double[] natural) {
        if (sourceColumn.length > 0) {
            throw new IllegalStateException("a fit with joined sources needs their starts too");
        }
        return internal(natural, new double[0][]);
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
            c[j] = Math.min(columns[j].upper(), Math.max(columns[j].lower(), x[j]));
        }
        return c;
    }

    double[] lower() {
        double[] l = new double[columns.length];
        for (int j = 0; j < columns.length; j++) {
            l[j] = columns[j].lower();
        }
        return l;
    }

    double[] upper() {
        double[] u = new double[columns.length];
        for (int j = 0; j < columns.length; j++) {
            u[j] = columns[j].upper();
        }
        return u;
    }
}
