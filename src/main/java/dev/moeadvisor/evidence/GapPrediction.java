package dev.moeadvisor.evidence;

/**
 * What one predictor says of one pair: both losses in its own unit, the relative gap they imply, and whether the MoE
 * run lies inside the predictor's fitted ranges.
 *
 * @param moeLoss   the MoE run's predicted loss
 * @param denseLoss the dense run's predicted loss
 * @param inRange   the MoE run lies inside every fitted range of the predictor
 * @param outside   the axes outside, in words; empty when in range
 */
public record GapPrediction(double moeLoss, double denseLoss, boolean inRange, String outside) {

    /** The predicted relative gap {@code L_moe/L_dense − 1}. */
    public double gap() {
        return moeLoss / denseLoss - 1.0;
    }
}
