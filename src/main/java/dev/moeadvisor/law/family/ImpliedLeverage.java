package dev.moeadvisor.law.family;

import dev.moeadvisor.shape.ModelShape;

import java.util.List;

/**
 * The common currency of the law families: the efficiency leverage a law implies for a shape at a compute,
 *
 * <pre>  EL = C_dense / C,   L_dense,opt(C_dense) = L_moe(shape, C)</pre>
 *
 * the compute a compute-optimal dense model of the same law needs to reach the loss this MoE shape reaches with
 * compute {@code C} (trained on the tokens {@code C} buys under the law's FLOP model), over {@code C}. Because each
 * law's dense counterpart is of Chinchilla form, {@code C_dense} is {@link ChinchillaOptimum#computeForLoss}, exact.
 * The loss itself stays in the law's unit; EL is unitless and compares across laws.
 *
 * <p>For the Ling family this is not Ling's own EL definition (compute-optimal MoE vs compute-optimal dense,
 * arXiv 2507.17702, Eq. 1): the two coincide when {@code EL_Ling·N_active} and {@code D} are the dense law's
 * compute-optimal allocation at {@code EL_Ling·C} and the MoE's compute is {@code 6·N_active·D}; otherwise the
 * shape is not compute-optimal and this EL is lower.
 *
 * @param lawId             the law
 * @param computeFlops      the MoE's compute {@code C}
 * @param point             the shape in the law's variables
 * @param loss              the MoE's predicted loss, in the law's unit
 * @param denseComputeFlops {@code C_dense}; {@code +∞} when no dense model of the law reaches the loss
 * @param leverage          {@code C_dense / C}
 * @param checks            the point against each fitted range
 */
public record ImpliedLeverage(String lawId, double computeFlops, LawPoint point, double loss,
                              double denseComputeFlops, double leverage, List<AxisCheck> checks) {

    /** True when every axis lies in the law's fitted range. */
    public boolean inRange() {
        return checks.stream().allMatch(AxisCheck::inRange);
    }

    /** The axes outside the fitted range. */
    public List<AxisCheck> outOfRange() {
        return checks.stream().filter(c -> !c.inRange()).toList();
    }

    /** The EL {@code law} implies for {@code shape} at {@code computeFlops}. */
    public static ImpliedLeverage of(MoeLawFamily law, ModelShape shape, double computeFlops) {
        return at(law, law.point(shape, computeFlops), computeFlops);
    }

    /** The EL at a point already in the law's variables (its MoE compute {@code computeFlops}). */
    public static ImpliedLeverage at(MoeLawFamily law, LawPoint point, double computeFlops) {
        double loss = law.loss(point);
        double dense = ChinchillaOptimum.computeForLoss(law.dense(), loss);
        return new ImpliedLeverage(law.id(), computeFlops, point, loss, dense, dense / computeFlops, law.check(point));
    }
}
