package dev.moeadvisor.runs;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transcription of arXiv 2506.12119 Appendix E against the paper's own arithmetic: each table prints columns that
 * are functions of others (r_a = N_a/N, tokens = iterations × batch × S, epochs = D/U, C = M·D), transcribed
 * independently, so a typo in any one cell breaks an identity. Printed to 3 significant figures: 1.5% tolerance
 * (er-t11-5: M 1.15e10 × D 1.3e11 = 1.495e21 against the printed 1.48e21, −1.0%, is the largest gap, inside rounding
 * of both factors: 128.7B tokens by iterations × batch × S).
 */
class BundledRunsArithmeticTest {

    private static final List<TrainingRun> RUNS = BundledRuns.equalResources2025();
    private static final double ROUNDING = 0.015;

    @Test
    void printedColumnsAgreeWithEachOther() {
        int ra = 0;
        int tokens = 0;
        int epochs = 0;
        int compute = 0;
        for (TrainingRun r : RUNS) {
            if (r.rA() != null && r.nActive() != null && r.nTotal() != null) {
                assertEquals(r.nActive() / r.nTotal(), r.rA(), ROUNDING * r.rA(), r.runId() + " r_a = N_a/N");
                ra++;
            }
            if (r.tokens() != null && r.iters() != null && r.batchSeqs() != null) {
                double steps = (double) r.iters() * r.batchSeqs() * r.seqLen();
                assertEquals(steps, r.tokens(), ROUNDING * r.tokens(), r.runId() + " D = iterations × batch × S");
                tokens++;
            }
            if (r.epochs() != null && r.tokens() != null && r.uniqueTokens() != null) {
                assertEquals(r.tokens() / r.uniqueTokens(), r.epochs(), ROUNDING * r.epochs(), r.runId() + " epochs = D/U");
                epochs++;
            }
            if (r.compute() != null && r.mTrainPerToken() != null && r.tokens() != null) {
                assertEquals(r.mTrainPerToken() * r.tokens(), r.compute(), ROUNDING * r.compute(), r.runId() + " C = M·D");
                compute++;
            }
        }
        // every BPC run of Tables 9–17 prints them all (80 runs); r_a also Tables 5–8
        assertEquals(80, tokens);
        assertEquals(80, epochs);
        assertEquals(80, compute);
        assertEquals(90, ra);
    }

    @Test
    void duplicateConfigurationsArePrintedAlikeInBothTables() {
        // arXiv 2506.12119 prints five configurations twice (Tables 9/10, 11/12): the copies must agree cell by cell
        // on shape, tokens and the metric (er-t11-6 ≈ er-t12-8 differ in the 4th digit of N_a and the BPC)
        for (String[] pair : new String[][] {{"er-t9-4", "er-t10-1"}, {"er-t9-9", "er-t10-2"}, {"er-t9-14", "er-t10-6"},
                {"er-t9-16", "er-t10-9"}}) {
            TrainingRun a = run(pair[0]);
            TrainingRun b = run(pair[1]);
            assertEquals(a.shape(), b.shape(), pair[0]);
            assertEquals(a.tokens(), b.tokens(), pair[0]);
            assertEquals(a.value(), b.value(), pair[0]);
        }
        TrainingRun a = run("er-t11-6");
        TrainingRun b = run("er-t12-8");
        assertEquals(a.shape(), b.shape());
        assertTrue(Math.abs(a.value() - b.value()) <= 0.001, a.value() + " vs " + b.value());
    }

    private static TrainingRun run(String id) {
        return RUNS.stream().filter(r -> r.runId().equals(id)).findFirst().orElseThrow();
    }
}
