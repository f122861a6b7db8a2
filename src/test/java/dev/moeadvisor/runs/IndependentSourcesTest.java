package dev.moeadvisor.runs;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two independent sources bundled beside [ER], read under the reference rules, against the papers' figures. */
class IndependentSourcesTest {

    @Test
    void lingTable3IsTheMatchedPairOnTheSameTokens() {
        List<TrainingRun> runs = BundledRuns.read(BundledRuns.LING_2025_TABLE3);
        assertEquals(2, runs.size());
        TrainingRun moe = runs.get(0);
        TrainingRun dense = runs.get(1);
        assertEquals(RunKind.MOE, moe.kind());
        assertEquals(RunKind.DENSE, dense.kind());
        assertEquals(moe.tokens(), dense.tokens());
        assertEquals(1e12, moe.tokens());
        assertEquals(moe.value(), dense.value(), "matched loss: a tie");
        // arXiv 2507.17702 Table 3: 384 experts, 12 active, one shared, expert width 384, d_model 2048:
        // A = (12 + 1)/(384 + 1) = 0.03377, G = 2·2048/384 = 10.67
        assertEquals(13.0 / 385, moe.activationRatio(), 1e-12);
        assertEquals(4096.0 / 384, moe.granularity(), 1e-12);
        // 0.85B active, 6.11B dense (non-embedding, as printed): the model-scale ratio 7.19 ("over 7×")
        assertEquals(7.19, dense.activeParams() / moe.activeParams(), 0.01);
    }

    @Test
    void deepSeekMoeTable1HasTheFiveVariantsAtOneTokenCount() {
        List<TrainingRun> runs = BundledRuns.read(BundledRuns.DEEPSEEKMOE_2024_TABLE1);
        assertEquals(List.of(2.060, 1.932, 1.881, 1.867, 1.808), runs.stream().map(TrainingRun::value).toList());
        assertTrue(runs.stream().allMatch(r -> r.tokens() == 1e11 && r.metric().equals("pile_loss")));
        TrainingRun deepSeekMoe = runs.get(4);
        // 1 shared + 63 routed experts, 7 routed active: A = (7 + 1)/(63 + 1) = 0.125; G = 2·1280/853 = 3.0
        assertEquals(0.125, deepSeekMoe.activationRatio(), 1e-12);
        assertEquals(3.0, deepSeekMoe.granularity(), 0.01);
        // printed FLOPs per 2K tokens: 2.9T (0.2B active), 4.3T (0.3B active); C = M·D
        assertEquals(2.9e12 / 2048 * 1e11, runs.get(0).effectiveCompute(), 1e17);
        assertEquals(4.3e12 / 2048 * 1e11, deepSeekMoe.effectiveCompute(), 1e17);
    }
}
