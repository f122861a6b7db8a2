package dev.moeadvisor.runs;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled transcription of arXiv 2506.12119 v2, Appendix E, and what follows from each run. Truth comes from
 * the paper's own printed figures (n_active, M, compute), checked against the shape-derived values.
 */
class TrainingRunTest {

    private static final List<TrainingRun> RUNS = BundledRuns.equalResources2025();
    private static final Map<String, TrainingRun> BY_ID =
            RUNS.stream().collect(Collectors.toMap(TrainingRun::runId, Function.identity()));

    @Test
    void bundledFileReadsToAll120Runs() {
        assertEquals(120, RUNS.size());
        assertEquals(40, RUNS.stream().filter(r -> r.metric().equals("train_loss")).count());
        assertEquals(80, RUNS.stream().filter(r -> r.metric().equals("val_bpc")).count());
        assertEquals(6, RUNS.stream().filter(r -> !r.isMoe()).count());
    }

    @Test
    void bundledFileRoundTripsThroughTheWriter() {
        String csv = new RunCsvWriter().toCsv(RUNS);
        List<TrainingRun> again = new RunCsvReader(RunRules.reference(1000)).read(new StringReader(csv));
        assertEquals(RUNS, again);
        assertEquals(csv, new RunCsvWriter().toCsv(again));
    }

    @Test
    void writtenNumbersArePlainOrShortScientificNeverJavaExponents() throws Exception {
        String csv = new RunCsvWriter().toCsv(RUNS);
        int numbers = 0;
        try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .get().parse(new StringReader(csv))) {
            for (var record : parser) {
                for (String cell : record) {
                    try {
                        Double.parseDouble(cell);
                    } catch (NumberFormatException notANumber) {
                        continue;
                    }
                    numbers++;
                    assertFalse(cell.contains("E"), cell + " in " + record);
                }
            }
        }
        assertTrue(numbers > 10 * RUNS.size(), "numeric cells read: " + numbers);
    }

    @Test
    void activationRatioCountsTheSharedWidthInExpertUnits() {
        // er-t9-1: E = 89, k = 1, d_expert = 352, one shared expert of total width 352 → s = 1, A = 2/90.
        TrainingRun r = BY_ID.get("er-t9-1");
        assertEquals(2.0 / 90, r.activationRatio(), 1e-15);
        assertEquals(8.0, r.granularity(), 0);
        // er-t12-8: E = 84, k = 28, d_expert = 384, shared width 10752 = 28·384 → s = 28, A = 56/112.
        assertEquals(0.5, BY_ID.get("er-t12-8").activationRatio(), 1e-15);
        TrainingRun dense = BY_ID.get("er-t13-1");
        assertEquals(1.0, dense.activationRatio());
        assertTrue(Double.isNaN(dense.granularity()));
    }

    @Test
    void shapeDerivedActiveParamsMatchThePrintedOnes() {
        // Tables 9–17 use the `1dense` layout a ModelShape can express; the paper prints N_a to 3 digits.
        for (TrainingRun r : RUNS) {
            if (r.table() >= 9) {
                double fromShape = dev.moeadvisor.shape.ShapeMetrics.of(r.shape()).activeParams();
                assertEquals(r.nActive(), fromShape, 0.012 * r.nActive(), r.runId());
            }
        }
    }

    @Test
    void forwardOnlyPrintedFlopsAreRecognised() {
        // Table 5 rows at S = 2048 and Table 6 print forward FLOPs/token; the S = 16384 rows print training FLOPs.
        for (TrainingRun r : RUNS) {
            boolean printedForward = r.note() != null && r.note().contains("forward-only");
            assertEquals(printedForward, r.printedFlopsAreForwardOnly(), r.runId());
        }
        TrainingRun fwd = BY_ID.get("er-t5-1");
        assertEquals(3 * 8.77e8, fwd.trainingFlopsPerToken(), 1);
        assertEquals(6.63e9, BY_ID.get("er-t5-4").trainingFlopsPerToken(), 1);
    }

    @Test
    void effectiveComputeUsesThePrintedComputeElseFlopsTimesTokens() {
        assertEquals(1.92e20, BY_ID.get("er-t9-1").effectiveCompute());
        assertTrue(Double.isNaN(BY_ID.get("er-t8-1").effectiveCompute()));
        for (TrainingRun r : RUNS) {
            if (r.compute() != null) {
                // the printed C agrees with the printed M × D, and with 3·M_fwd·D from the shape, to rounding
                assertEquals(r.compute(), r.trainingFlopsPerToken() * r.tokens(), 0.03 * r.compute(), r.runId());
                assertEquals(r.compute(), 3 * r.forwardFlopsPerToken() * r.tokens(), 0.03 * r.compute(), r.runId());
            }
        }
    }

    @Test
    void missingCountsAndComputeAreDerivedFromTheShape() {
        String csv = "kind,n_layers,dense_layers,d_model,n_heads,d_ffn,experts,top_k,d_expert,d_shared,tokens,unique_tokens,metric,value\n"
                + "moe,24,1,2048,16,5464,78,6,512,3072,3.16e11,,val_bpc,0.4543\n";
        TrainingRun r = new RunCsvReader(RunRules.upload(10)).read(new StringReader(csv)).get(0);
        TrainingRun published = BY_ID.get("er-t12-5");
        assertEquals(published.nActive(), r.activeParams(), 0.01 * published.nActive());
        assertEquals(published.nTotal(), r.totalParams(), 0.01 * published.nTotal());
        assertEquals(published.compute(), r.effectiveCompute(), 0.01 * published.compute());
        assertFalse(r.printedFlopsAreForwardOnly());
    }
}
