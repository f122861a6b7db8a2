package dev.moeadvisor.web.ui.fits;

import dev.moeadvisor.fit.FitParameter;
import dev.moeadvisor.law.Citation;
import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;

/**
 * How the pages name a loss-model coefficient and where its published value comes from: the dense law's from
 * Chinchilla (arXiv 2203.15556, nats of MassiveText), the EL law's from Ling (arXiv 2507.17702, Table 2).
 */
public final class Coefficient {

    private Coefficient() {
    }

    /** The symbol shown: {@code α}, {@code β_G}, {@code A_start}, ... */
    static String symbol(FitParameter p) {
        return switch (p) {
            case ALPHA -> "α";
            case BETA -> "β";
            case GAMMA -> "γ";
            case BETA_G -> "β_G";
            case A_START -> "A_start";
            case A_MAX -> "A_max";
            default -> p.label();
        };
    }

    /** True for the dense law's five coefficients, whose published values are in another unit (nats). */
    static boolean dense(FitParameter p) {
        return switch (p) {
            case E, A_N, B_D, ALPHA, BETA -> true;
            default -> false;
        };
    }

    /** The published source of {@code p}, in one word. */
    static String sourceName(FitParameter p) {
        return dense(p) ? "Chinchilla" : "Ling";
    }

    /** The published source of {@code p}. */
    static Citation source(FitParameter p) {
        return dense(p) ? DenseLossLaw.CHINCHILLA.citation() : EfficiencyLeverageLaw.LING_2025.citation();
    }

    /** {@code p}'s published value, read from the published model. */
    static double published(FitParameter p, MoeLossModel publishedModel) {
        return p.valueIn(publishedModel);
    }
}
