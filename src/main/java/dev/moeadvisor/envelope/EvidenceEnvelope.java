package dev.moeadvisor.envelope;

import dev.moeadvisor.law.Range;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one rule, for every endpoint (evaluate, predict, plan, sweep rows), of where a question lies outside a model's evidence:
 * an axis is outside when the query's value is finite and lies below the evidence's minimum or above its maximum
 * (an open end, {@link Range#ANY}, never), and the factor is {@code value/max} or {@code min/value}. Dense queries
 * (A = 1, G undefined) skip the MoE axes A and G.
 */
public final class EvidenceEnvelope {

    private EvidenceEnvelope() {
    }

    /**
     * A question to a model.
     *
     * @param computeFlops    training compute
     * @param activeParams    non-embedding active parameters
     * @param totalParams     non-embedding total parameters
     * @param tokens          tokens consumed
     * @param epochs          epochs over the unique data (1 without reuse; NaN: unknown)
     * @param activationRatio Ling's A (1 for dense)
     * @param granularity     G (NaN for dense)
     */
    public record Query(double computeFlops, double activeParams, double totalParams, double tokens, double epochs,
                        double activationRatio, double granularity) {

        /**
         * The question a recommended shape asks (a plan's recommendation, a sweep row): epochs are {@code max(1, D/U)}
         * as for a fitted run ({@code fit.FitEvidence}) and a prediction — fewer tokens than the unique data is one
         * pass, no reuse, never "below the smallest run" — and epochs that are not a number count as 1; a dense shape
         * has A = 1 and no G, so it skips the MoE axes.
         */
        public static Query ofShape(double computeFlops, double activeParams, double totalParams, double tokens,
                                    double epochs, boolean moe, double activationRatio, double granularity) {
            return new Query(computeFlops, activeParams, totalParams, tokens, epochs > 1 ? epochs : 1.0,
                    moe ? activationRatio : 1.0, moe ? granularity : Double.NaN);
        }
    }

    /** The axes on which {@code q} lies outside {@code e}, in axis order; empty when inside everywhere. */
    public static List<Outside> outside(Evidence e, Query q) {
        List<Outside> out = new ArrayList<>();
        check(out, "computeFlops", q.computeFlops(), e.computeFlops());
        check(out, "activeParams", q.activeParams(), e.activeParams());
        check(out, "totalParams", q.totalParams(), e.totalParams());
        check(out, "tokens", q.tokens(), e.tokens());
        check(out, "epochs", q.epochs(), e.epochs());
        if (!Double.isNaN(q.granularity())) {
            check(out, "activationRatio", q.activationRatio(), e.activationRatio());
            check(out, "granularity", q.granularity(), e.granularity());
        }
        return List.copyOf(out);
    }

    /** In words, joined: "compute 180× above the largest run; tokens 3.1× above the largest run". */
    public static String words(List<Outside> outside) {
        return String.join("; ", outside.stream().map(Outside::words).toList());
    }

    private static void check(List<Outside> out, String axis, double value, Range r) {
        outsideOn(axis, value, r).ifPresent(out::add);
    }

    /**
     * The rule on one axis ({@link Range#isOutside}), for models whose axes are their own (the MoE law families,
     * {@code law.family}, in their conventions): outside when the value is finite and lies below the range's minimum
     * or above its maximum.
     */
    public static Optional<Outside> outsideOn(String axis, double value, Range r) {
        if (r == null || !r.isOutside(value)) {
            return Optional.empty();
        }
        return Optional.of(new Outside(axis, value, new double[] {r.min(), r.max()}, r.outsideFactor(value)));
    }
}
