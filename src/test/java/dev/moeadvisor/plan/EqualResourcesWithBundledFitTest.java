package dev.moeadvisor.plan;

import dev.moeadvisor.fit.DefaultFitRecipe;
import dev.moeadvisor.fit.FitOptions;
import dev.moeadvisor.fit.FitResult;
import dev.moeadvisor.fit.LossModelFitter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The equal-resources questions of Li, Lo et al. (arXiv 2506.12119): at a fixed total size (±5%), compute and unique
 * data — 6.52B, 2.86e21 FLOPs, 316B tokens (their Table 12 budget) and 2.15B, 9.38e20 FLOPs, 299B tokens (Table 10) —
 * the default model ({@link DefaultFitRecipe}) must put the best MoE at an activation rate r_a between 10% and 35%
 * (the paper found ≈ 20% at both sizes) and predict it better than the dense model of the same size and compute (the
 * paper's finding).
 */
class EqualResourcesWithBundledFitTest {

    static FitResult fit;

    @BeforeAll
    static void fitTheDefault() {
        fit = new LossModelFitter().fit(DefaultFitRecipe.problem(
                FitOptions.defaults().withBootstrapResamples(0).withLeaveOneOut(false)));
    }

    static Stream<Arguments> questions() {
        return Stream.of(Arguments.of(6.52e9, 2.86e21, 316e9), Arguments.of(2.15e9, 9.38e20, 299e9));
    }

    private static PlanResult plan(double n, double c, double u) {
        // the paper's runs: multi-head attention, S = 2048
        PlanResult plan = new Planner(fit.model()).plan(PlanRequest.builder(c, u).fixedTotalParams(n, 0.05)
                .seqLen(2048).mha().build());
        Candidate r = plan.recommended();
        System.out.printf("equal resources N %.3g, C %.3g, U %.3g: %s; A %.4f, r_a %.4f, G %.2f, EL %.2f, loss %.4f,"
                        + " dense %.4f%n", n, c, u, r.shape(), r.activationRatio(), r.paramActivationRatio(),
                r.granularity(), r.efficiencyLeverage(), r.loss(),
                plan.dense().map(d -> d.baseline().loss()).orElse(Double.NaN));
        return plan;
    }

    @ParameterizedTest
    @MethodSource("questions")
    void activationRateLiesInTheMiddleRegionAndBeatsTheDenseModelOfTheSameSize(double n, double c, double u) {
        PlanResult plan = plan(n, c, u);
        Candidate rec = plan.recommended();
        assertTrue(rec.shape().isMoe(), "an MoE is recommended");
        double ra = rec.paramActivationRatio();
        assertTrue(ra >= 0.10 && ra <= 0.35, "r_a " + ra);
        DenseComparison dense = plan.dense().orElseThrow();
        assertTrue(Math.abs(dense.baseline().totalParams() / n - 1) <= 0.05, "dense of the same size");
        assertTrue(rec.loss() < dense.baseline().loss(), rec.loss() + " vs dense " + dense.baseline().loss());
    }
}
