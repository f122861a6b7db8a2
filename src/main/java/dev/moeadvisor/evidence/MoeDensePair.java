package dev.moeadvisor.evidence;

import dev.moeadvisor.runs.RunKind;
import dev.moeadvisor.runs.TrainingRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * An MoE run and the dense run of the same source it is compared with, and the relative loss gap observed between
 * them,
 *
 * <pre>  gap = L_moe / L_dense − 1</pre>
 *
 * (negative: the MoE is better). A ratio of two values in one metric does not depend on that metric's scale (nats,
 * bits per character), so gaps compare across sources and laws where absolute losses cannot; it still carries each
 * corpus's irreducible loss in its denominator, which differs between sources (stated on the page).
 *
 * <p>Pairing, within one source and metric, each MoE run with a token count takes the first dense run that matches
 * it, by the first rule that finds one:
 * <ol>
 *   <li><b>equal resources</b> ([ER], arXiv 2506.12119, its design): total non-embedding parameters and training
 *       compute both within 5%;</li>
 *   <li><b>same tokens</b> (Ling Table 3, DeepSeekMoE Table 1): tokens within 0.1%.</li>
 * </ol>
 * An MoE run that matches neither is left out.
 *
 * @param source    the source's slug
 * @param moe       the MoE run
 * @param dense     the dense run
 * @param matchedOn {@code "equal resources"} or {@code "same tokens"}
 */
public record MoeDensePair(String source, TrainingRun moe, TrainingRun dense, String matchedOn) {

    /** Relative agreement of total parameters and of compute for an equal-resources match. */
    static final double RESOURCES_TOLERANCE = 0.05;
    /** Relative agreement of tokens for a same-tokens match. */
    static final double TOKENS_TOLERANCE = 1e-3;

    public static final String EQUAL_RESOURCES = "equal resources";
    public static final String SAME_TOKENS = "same tokens";

    /** The observed relative gap {@code L_moe/L_dense − 1}. */
    public double observedGap() {
        return moe.value() / dense.value() - 1.0;
    }

    /** The matched pairs of one source's runs, in the order of its MoE runs. */
    public static List<MoeDensePair> of(String source, List<TrainingRun> runs) {
        List<TrainingRun> dense = runs.stream().filter(r -> r.kind() == RunKind.DENSE && r.hasTokens()).toList();
        List<MoeDensePair> out = new ArrayList<>();
        for (TrainingRun moe : runs) {
            if (moe.kind() != RunKind.MOE || !moe.hasTokens()) {
                continue;
            }
            first(moe, dense, MoeDensePair::equalResources).map(d -> new MoeDensePair(source, moe, d, EQUAL_RESOURCES))
                    .or(() -> first(moe, dense, MoeDensePair::sameTokens)
                            .map(d -> new MoeDensePair(source, moe, d, SAME_TOKENS)))
                    .ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    private static Optional<TrainingRun> first(TrainingRun moe, List<TrainingRun> dense,
                                               BiPredicate<TrainingRun, TrainingRun> rule) {
        return dense.stream().filter(d -> d.metric().equals(moe.metric()) && rule.test(moe, d)).findFirst();
    }

    private static boolean equalResources(TrainingRun moe, TrainingRun dense) {
        return close(moe.totalParams(), dense.totalParams(), RESOURCES_TOLERANCE)
                && close(moe.effectiveCompute(), dense.effectiveCompute(), RESOURCES_TOLERANCE);
    }

    private static boolean sameTokens(TrainingRun moe, TrainingRun dense) {
        return close(moe.tokens(), dense.tokens(), TOKENS_TOLERANCE);
    }

    private static boolean close(double a, double b, double tolerance) {
        return Double.isFinite(a) && Double.isFinite(b) && Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
    }
}
