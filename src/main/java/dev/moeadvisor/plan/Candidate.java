package dev.moeadvisor.plan;

import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;

/**
 * One evaluated shape under a budget.
 *
 * @param shape              the full shape
 * @param metrics            its counts ({@link ShapeMetrics#of})
 * @param tokens             training tokens {@code D = C/M}
 * @param epochs             passes over the unique data {@code D/U} (0 with ample data)
 * @param loss               predicted loss ({@link dev.moeadvisor.law.MoeLossModel#loss})
 * @param efficiencyLeverage EL of the shape at the budget's compute (1 for dense)
 * @param extrapolated       true when the EL law is used outside its fitted range or above EL 6
 */
public record Candidate(ModelShape shape, ShapeMetrics metrics, double tokens, double epochs, double loss,
                        double efficiencyLeverage, boolean extrapolated) {

    /** Ling's A = (k+s)/(E+s). */
    public double activationRatio() {
        return metrics.activationRatioLing();
    }

    /** k/E. */
    public double routedActivationRatio() {
        return metrics.activationRatioRouted();
    }

    /** r_a = N_active/N_total. */
    public double paramActivationRatio() {
        return metrics.activationRatioParams();
    }

    /** G = 2·d_model/d_expert (NaN for dense). */
    public double granularity() {
        return metrics.granularity();
    }

    public double totalParams() {
        return metrics.totalParams();
    }

    public double activeParams() {
        return metrics.activeParams();
    }

    public double flopsPerToken() {
        return metrics.flopsPerTokenTraining();
    }

    public double tokensPerActiveParam() {
        return tokens / metrics.activeParams();
    }

    public boolean isMoe() {
        return shape.isMoe();
    }

    /** Lower loss first; within a relative 1e-12 of each other, fewer total parameters first. */
    boolean betterThan(Candidate other) {
        return other == null || Ranking.better(loss, totalParams(), other.loss, other.totalParams());
    }
}
