package dev.moeadvisor.plan;

import dev.moeadvisor.fit.DefaultFitRecipe;
import dev.moeadvisor.fit.FitOptions;
import dev.moeadvisor.fit.FitResult;
import dev.moeadvisor.fit.LossModelFitter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The equal-resources question of Li, Lo et al. (arXiv 2506.12119): at 6.52B total parameters (±5%), 2.86e21 FLOPs
 * and 316B unique tokens (their Table 12 budget), the default model (the bundled runs of Tables 9–13 with priors and
 * Ling's pair, {@link DefaultFitRecipe}) must put
 * the best MoE at an activation rate r_a between 10% and 35% (the paper found ≈ 20%) and predict it better than the
 * dense model of the same size and compute (the paper's finding).
 */
class EqualResourcesWithBundledFitTest {

    static PlanResult plan;

    @BeforeAll
    static void planWithTheBundledFit() {
        // the default model (DefaultFitRecipe: Tables 9–13, Ling/Epoch priors, Ling's pair joined)
        FitResult fit = new LossModelFitter().fit(DefaultFitRecipe.problem(
                FitOptions.defaults().withBootstrapResamples(0).withLeaveOneOut(false)));
        PlanRequest request = PlanRequest.builder(2.86e21, 316e9).fixedTotalParams(6.52e9, 0.05).seqLen(2048).build();
        plan = new Planner(fit.model()).plan(request);
        Candidate r = plan.recommended();
        System.out.printf("equal resources, bundled fit: %s; A %.4f, r_a %.4f, G %.2f, EL %.2f, loss %.4f, dense %.4f%n",
                r.shape(), r.activationRatio(), r.paramActivationRatio(), r.granularity(), r.efficiencyLeverage(),
                r.loss(), plan.dense().map(d -> d.baseline().loss()).orElse(Double.NaN));
    }

    @Test
    void activationRateLiesInTheMiddleRegion() {
        double ra = plan.recommended().paramActivationRatio();
        assertTrue(ra >= 0.10 && ra <= 0.35, "r_a " + ra);
    }

    @Test
    void beatsTheDenseModelOfTheSameSizeAndCompute() {
        DenseComparison dense = plan.dense().orElseThrow();
        assertTrue(Math.abs(dense.baseline().totalParams() / 6.52e9 - 1) <= 0.05, "dense of the same size");
        assertTrue(plan.recommended().loss() < dense.baseline().loss(),
                plan.recommended().loss() + " vs dense " + dense.baseline().loss());
    }
}
