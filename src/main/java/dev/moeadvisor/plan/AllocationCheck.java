package dev.moeadvisor.plan;

import dev.moeadvisor.law.AllocationLaw;
import dev.moeadvisor.law.ComputeOptimum;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The recommendation's tokens against Ling's compute-optimal tokens (arXiv 2507.17702, Table 1: MoE
 * {@code D_opt = 5.2232·C^0.4905}, dense {@code D_opt = 15.2582·C^0.4578}, by the recommendation's kind). Beyond a
 * factor {@link #FAR_FACTOR} either way the plan says so and shows the compute-optimal counterpart: the same
 * configuration ({@link ShapeFamily}) at the width whose tokens lie nearest {@code D_opt}, with its loss.
 *
 * @param tokensPerActiveParam D / N_active of the recommendation
 * @param optimalTokens        Ling's D_opt at this compute for the recommendation's kind
 * @param lawId                the allocation law used
 * @param ratio                D / D_opt
 * @param far                  the ratio lies beyond {@link #FAR_FACTOR} either way
 * @param computeOptimal       the compute-optimal counterpart (empty when within the factor or none is feasible)
 * @param recommendedLoss      the recommendation's predicted loss
 */
public record AllocationCheck(double tokensPerActiveParam, double optimalTokens, String lawId, double ratio,
                              boolean far, Optional<Candidate> computeOptimal, double recommendedLoss) {

    /** The counterpart's loss minus the recommendation's (NaN without a counterpart). */
    public double lossDifference() {
        return computeOptimal.map(m -> m.loss() - recommendedLoss).orElse(Double.NaN);
    }

    /** An allocation more than this factor away from D_opt is called far from compute-optimal. */
    public static final double FAR_FACTOR = 2.0;

    static AllocationCheck of(SearchSpace space, dev.moeadvisor.law.MoeLossModel model, Candidate rec) {
        double c = space.request().computeFlops();
        ComputeOptimum opt = ComputeOptimum.of(rec.isMoe() ? AllocationLaw.LING_MOE : AllocationLaw.LING_DENSE, c);
        double ratio = rec.tokens() / opt.tokens();
        boolean far = ratio > FAR_FACTOR || ratio < 1 / FAR_FACTOR;
        Optional<Candidate> counterpart = Optional.empty();
        if (far) {
            List<Candidate> members = new ShapeFamily(space, model, rec).members();
            counterpart = members.stream()
                    .min(Comparator.comparingDouble(m -> Math.abs(Math.log(m.tokens() / opt.tokens()))))
                    .filter(m -> m.shape().dModel() != rec.shape().dModel());
        }
        return new AllocationCheck(rec.tokensPerActiveParam(), opt.tokens(), opt.lawId(), ratio, far, counterpart,
                rec.loss());
    }
}
