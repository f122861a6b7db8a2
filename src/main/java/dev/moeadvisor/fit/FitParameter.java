package dev.moeadvisor.fit;

import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The eleven coefficients of the loss model ({@link MoeLossModel#COEFFICIENTS}, same order): the dense law's
 * {@code E, A_N, B_D, α, β} (Chinchilla form, arXiv 2203.15556 Eq. 2) and the EL law's {@code a, d, γ, β_G,
 * A_start, A_max} (Ling, arXiv 2507.17702 Eq. 13).
 *
 * <p>Positive coefficients ({@code E, A_N, B_D, A_start, A_max}) are optimised as their natural logarithm
 * ({@link #logSpace()}); the others as they are. Each has bounds, in the optimiser's coordinates, wide enough to
 * never bind on sensible data and narrow enough to keep every prediction finite.
 */
public enum FitParameter {
    E("E", true, Math.log(1e-8), Math.log(1e4)),
    A_N("A_N", true, -50, 250),
    B_D("B_D", true, -50, 250),
    ALPHA("alpha", false, 0.01, 3.0),
    BETA("beta", false, 0.01, 3.0),
    A("a", false, -20, 20),
    D("d", false, -2, 2),
    GAMMA("gamma", false, -5, 5),
    BETA_G("betaG", false, -5, 5),
    A_START("aStart", true, Math.log(1e-9), Math.log(0.5)),
    A_MAX("aMax", true, Math.log(2), Math.log(1e30));

    private final String label;
    private final boolean logSpace;
    private final double lower;
    private final double upper;

    FitParameter(String label, boolean logSpace, double lower, double upper) {
        this.label = label;
        this.logSpace = logSpace;
        this.lower = lower;
        this.upper = upper;
    }

    static {
        for (FitParameter p : values()) {
            if (!MoeLossModel.COEFFICIENTS.get(p.ordinal()).equals(p.label)) {
                throw new IllegalStateException("FitParameter order differs from MoeLossModel.COEFFICIENTS");
            }
        }
    }

    /** The name used in pins, results and the API: {@code E, A_N, B_D, alpha, beta, a, d, gamma, betaG, aStart, aMax}. */
    public String label() {
        return label;
    }

    /** True when optimised as {@code log(value)}. */
    public boolean logSpace() {
        return logSpace;
    }

    /** Lower bound in the optimiser's coordinates. */
    double lower() {
        return lower;
    }

    /** Upper bound in the optimiser's coordinates. */
    double upper() {
        return upper;
    }

    double toInternal(double natural) {
        return logSpace ? Math.log(natural) : natural;
    }

    double toNatural(double internal) {
        return logSpace ? Math.exp(internal) : internal;
    }

    /** True when a natural value lies within the bounds (a pin outside them would make predictions meaningless). */
    boolean admits(double natural) {
        if (!Double.isFinite(natural) || (logSpace && natural <= 0)) {
            return false;
        }
        double x = toInternal(natural);
        return x >= lower && x <= upper;
    }

    public static Optional<FitParameter> fromLabel(String label) {
        for (FitParameter p : values()) {
            if (p.label.equals(label)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Free unless pinned: {@code E, A_N, B_D, α, β, a, d} (science.md §4). */
    public static Set<FitParameter> defaultFree() {
        return EnumSet.of(E, A_N, B_D, ALPHA, BETA, A, D);
    }

    /**
     * Pinned by default: {@code γ, β_G, A_start, A_max} at Ling's published values (arXiv 2507.17702 Table 2), since
     * a data set that barely varies G cannot identify them.
     */
    public static Map<FitParameter, Double> defaultPins() {
        EfficiencyLeverageLaw ling = EfficiencyLeverageLaw.LING_2025;
        Map<FitParameter, Double> pins = new EnumMap<>(FitParameter.class);
        pins.put(GAMMA, ling.gamma());
        pins.put(BETA_G, ling.beta());
        pins.put(A_START, ling.aStart());
        pins.put(A_MAX, ling.aMax());
        return pins;
    }

    /** This coefficient's value in a model. */
    public double valueIn(MoeLossModel m) {
        return switch (this) {
            case E -> m.dense().e();
            case A_N -> m.dense().aN();
            case B_D -> m.dense().bD();
            case ALPHA -> m.dense().alpha();
            case BETA -> m.dense().beta();
            case A -> m.el().a();
            case D -> m.el().d();
            case GAMMA -> m.el().gamma();
            case BETA_G -> m.el().beta();
            case A_START -> m.el().aStart();
            case A_MAX -> m.el().aMax();
        };
    }
}
