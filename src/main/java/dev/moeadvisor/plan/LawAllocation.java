package dev.moeadvisor.plan;

import dev.moeadvisor.law.family.ChinchillaOptimum;
import dev.moeadvisor.law.family.MoeLawFamily;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * The allocation check of a plan ranked by a law family, against the law's own compute-optimal dense allocation (not
 * Ling's): its dense counterpart {@code L(N, D) = E + A/N^α + B/D^β} at {@code C = 6·N·D} has, in closed form
 * (Hoffmann et al., arXiv 2203.15556, Eq. 4; {@link ChinchillaOptimum}),
 * <pre>
 *   N_opt = K·(C/6)^(β/(α+β)),  D_opt = C/(6·N_opt),  K = (α·A/(β·B))^(1/(α+β)).
 * </pre>
 * The recommendation's tokens (from the law's own FLOP model) over that {@code D_opt}; beyond
 * {@link AllocationCheck#FAR_FACTOR} either way, the compute-optimal counterpart: the same configuration
 * ({@link ShapeFamily#shapeAt}) at the width whose tokens under the law lie nearest {@code D_opt} (log distance), checked
 * and scored as the family search scores shapes ({@link FamilySearch#scored}).
 *
 * @param law            the family
 * @param optimalParams  {@code N_opt} of the law's dense counterpart at C, as the law counts N
 * @param optimalTokens  {@code D_opt} of the law's dense counterpart at C
 * @param tokens         the recommendation's tokens
 * @param computeOptimal the compute-optimal counterpart (empty when within the factor, when none is feasible or when it
 *                       is the recommendation's own width)
 * @param recommendedLoss the recommendation's loss under the law
 */
record LawAllocation(MoeLawFamily law, double optimalParams, double optimalTokens, double tokens,
                     Optional<Candidate> computeOptimal, double recommendedLoss) {

    LawAllocation {
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(computeOptimal, "computeOptimal");
    }

    static LawAllocation of(FamilySearch search, Candidate rec) {
        MoeLawFamily law = search.law();
        double c = search.space().request().computeFlops();
        double dOpt = ChinchillaOptimum.tokens(law.dense(), c);
        double ratio = rec.tokens() / dOpt;
        Optional<Candidate> counterpart = Optional.empty();
        if (far(ratio)) {
            ShapeFamily same = new ShapeFamily(search.space(), null, rec);
            counterpart = java.util.Arrays.stream(search.space().dModels()).boxed()
                    .filter(d -> d != rec.shape().dModel())
                    .flatMap(d -> same.shapeAt(d).flatMap(search::scored).stream())
                    .min(Comparator.comparingDouble(m -> Math.abs(Math.log(m.tokens() / dOpt))));
        }
        return new LawAllocation(law, ChinchillaOptimum.params(law.dense(), c), dOpt, rec.tokens(), counterpart,
                rec.loss());
    }

    private static boolean far(double ratio) {
        return ratio > AllocationCheck.FAR_FACTOR || ratio < 1 / AllocationCheck.FAR_FACTOR;
    }

    /** D / D_opt. */
    double ratio() {
        return tokens / optimalTokens;
    }

    /** The ratio lies beyond {@link AllocationCheck#FAR_FACTOR} either way. */
    boolean far() {
        return far(ratio());
    }

    /** The counterpart's loss minus the recommendation's (NaN without a counterpart). */
    double lossDifference() {
        return computeOptimal.map(m -> m.loss() - recommendedLoss).orElse(Double.NaN);
    }

    /** The rationale's sentence. */
    String inWords() {
        return law.name() + "'s own compute-optimal dense model at this compute (its dense counterpart at C = 6·N·D,"
                + " Hoffmann Eq. 4 in closed form) has N = " + Fmt.count(optimalParams) + " and D_opt = "
                + Fmt.count(optimalTokens) + " tokens; the recommendation trains on " + Fmt.num(ratio())
                + "× that D_opt" + (far() ? ", beyond " + Fmt.num(AllocationCheck.FAR_FACTOR) + "×" + counterpart() : "")
                + ".";
    }

    /** The warning's text. */
    String farInWords() {
        return "The recommendation trains on D = " + Fmt.count(tokens) + " tokens, " + Fmt.num(ratio()) + "× "
                + law.name() + "'s own compute-optimal dense D_opt = " + Fmt.count(optimalTokens) + " at this compute,"
                + " beyond " + Fmt.num(AllocationCheck.FAR_FACTOR) + "×" + counterpart() + ".";
    }

    private String counterpart() {
        return computeOptimal.map(o -> "; the same configuration nearest that D_opt (" + Rationale.describe(o.shape())
                + ", " + Fmt.count(o.tokens()) + " tokens) is predicted by the law at " + Fmt.loss(o.loss()) + " ("
                + PlanWarnings.signed(lossDifference()) + " against the recommendation)").orElse("");
    }
}
