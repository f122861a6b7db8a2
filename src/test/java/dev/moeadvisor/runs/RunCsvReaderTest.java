package dev.moeadvisor.runs;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uploads are refused with the right line and column, every error at once; good files are read in full. */
class RunCsvReaderTest {

    private static final String HEADER = "kind,n_layers,d_model,n_heads,d_ffn,experts,top_k,d_expert,tokens,unique_tokens,metric,value\n";
    private static final String MOE = "moe,16,1408,11,3904,89,1,352,1.14e11,,val_bpc,0.52\n";
    private static final String DENSE = "dense,28,2176,17,8848,,,,6.5e10,6.5e10,val_bpc,0.49\n";

    private static List<TrainingRun> read(String csv, int maxRows) {
        return new RunCsvReader(RunRules.upload(maxRows)).read(new StringReader(csv));
    }

    private static List<RunDataError> errors(String csv) {
        return errors(csv, 100);
    }

    private static List<RunDataError> errors(String csv, int maxRows) {
        return assertThrows(RunDataException.class, () -> read(csv, maxRows)).errors();
    }

    private static void assertOnly(List<RunDataError> errors, int line, String column) {
        assertEquals(1, errors.size(), errors::toString);
        assertEquals(line, errors.get(0).line(), errors::toString);
        assertEquals(column, errors.get(0).column(), errors::toString);
    }

    @Test
    void readsTheMinimalColumnSetWithDefaults() {
        List<TrainingRun> runs = read(HEADER + MOE + DENSE, 100);
        assertEquals(2, runs.size());
        TrainingRun moe = runs.get(0);
        assertEquals("run-2", moe.runId());
        assertEquals("run-3", runs.get(1).runId());
        assertEquals(2048, moe.seqLen());
        assertEquals(128, moe.dHead());
        assertEquals(RunKind.MOE, moe.kind());
        assertEquals(null, moe.uniqueTokens());
    }

    @Test
    void missingRequiredColumnIsReportedOnTheHeader() {
        assertOnly(errors(HEADER.replace(",value\n", "\n") + MOE.replace(",0.52\n", "\n")), 1, "value");
    }

    @Test
    void unknownAndRepeatedColumnsAreReportedOnTheHeader() {
        List<RunDataError> e = errors(HEADER.replace("tokens,unique_tokens", "tokns,unique_tokens,unique_tokens"));
        assertEquals(List.of(new RunDataError(1, "tokns", e.get(0).message()),
                new RunDataError(1, "unique_tokens", e.get(1).message()),
                new RunDataError(1, "tokens", e.get(2).message())), e);
    }

    @Test
    void textInANumberIsRefusedAtItsCell() {
        assertOnly(errors(HEADER + MOE + MOE.replace("1408", "abc")), 3, "d_model");
    }

    @Test
    void nanAndInfinityAreRefused() {
        List<RunDataError> e = errors(HEADER + MOE.replace("0.52", "NaN") + MOE.replace("1.14e11", "Infinity")
                + MOE.replace("1.14e11", "1e999"));
        assertEquals(3, e.size(), e::toString);
        assertEquals(new RunDataError(2, "value", e.get(0).message()), e.get(0));
        assertEquals(new RunDataError(3, "tokens", e.get(1).message()), e.get(1));
        assertEquals(new RunDataError(4, "tokens", e.get(2).message()), e.get(2));
    }

    @Test
    void negativeAndZeroSizesAreRefused() {
        List<RunDataError> e = errors(HEADER + MOE.replace("moe,16", "moe,-16") + MOE.replace(",352,", ",0,"));
        assertEquals(2, e.size(), e::toString);
        assertEquals(new RunDataError(2, "n_layers", e.get(0).message()), e.get(0));
        assertEquals(new RunDataError(3, "d_expert", e.get(1).message()), e.get(1));
    }

    @Test
    void topKAboveExpertsIsRefused() {
        assertOnly(errors(HEADER + MOE + MOE.replace(",89,1,", ",8,9,")), 3, "top_k");
    }

    @Test
    void unknownKindIsRefused() {
        assertOnly(errors(HEADER + MOE.replace("moe,", "sparse,")), 2, "kind");
    }

    @Test
    void malformedMetricIsRefused() {
        assertOnly(errors(HEADER + MOE.replace("val_bpc", "Val-BPC")), 2, "metric");
    }

    @Test
    void mixedMetricsAreRefusedAtTheFirstOffendingRow() {
        String other = MOE.replace("val_bpc", "train_loss");
        assertOnly(errors(HEADER + MOE + MOE + other + other), 4, "metric");
    }

    @Test
    void emptyFileAndHeaderOnlyAreRefused() {
        assertOnly(errors(""), 1, "");
        assertOnly(errors(HEADER), 2, "");
    }

    @Test
    void tooManyRowsAreRefusedAtTheFirstRowOverTheLimit() {
        assertOnly(errors(HEADER + MOE + MOE + MOE + MOE, 2), 4, "");
    }

    @Test
    void missingTokensAreRefusedForAnUpload() {
        assertOnly(errors(HEADER + MOE.replace("1.14e11", "")), 2, "tokens");
    }

    @Test
    void missingMoeFieldsAndDenseFfnAreRefused() {
        List<RunDataError> e = errors(HEADER + MOE.replace(",89,1,352,", ",,1,352,") + DENSE.replace("8848", ""));
        assertEquals(List.of(new RunDataError(2, "experts", e.get(0).message()),
                new RunDataError(3, "d_ffn", e.get(1).message())), e);
    }

    @Test
    void wrongFieldCountIsReportedForTheRow() {
        assertOnly(errors(HEADER + MOE + "moe,16,1408\n"), 3, "");
    }

    @Test
    void duplicateRunIdsAreRefused() {
        String header = "run_id," + HEADER;
        assertOnly(errors(header + "a," + MOE + "b," + MOE + "a," + MOE), 4, "run_id");
    }

    @Test
    void everyErrorIsReportedNotOnlyTheFirst() {
        List<RunDataError> e = errors(HEADER + MOE.replace("0.52", "x") + MOE + MOE.replace(",89,1,", ",2,3,")
                + MOE.replace("moe,", "dense,"));
        assertEquals(List.of(2, 4, 5, 5, 5), e.stream().map(RunDataError::line).toList(), e::toString);
        assertEquals(List.of("value", "top_k"), e.stream().limit(2).map(RunDataError::column).toList());
    }

    @Test
    void lineNumbersCountBlankLinesAndQuotedLineBreaks() {
        String header = HEADER.replace("\n", ",note\n");
        String csv = header + MOE.replace("\n", ",\"two\nlines\"\n") + "\n" + MOE.replace("0.52", "bad")
                .replace("\n", ",\n");
        assertOnly(errors(csv), 5, "value");
    }

    @Test
    void unclosedQuoteIsRefused() {
        List<RunDataError> e = errors(HEADER.replace("\n", ",note\n") + MOE.replace("\n", ",\"open\n"));
        assertEquals(1, e.size());
        assertTrue(e.get(0).message().startsWith("malformed CSV"), e::toString);
    }

    @Test
    void byteOrderMarkAndReorderedColumnsAreAccepted() {
        String csv = "\uFEFFvalue,metric,kind,n_layers,d_model,n_heads,d_ffn,experts,top_k,d_expert,tokens,unique_tokens\n"
                + "0.5,val_bpc,moe,16,1408,11,3904,89,1,352,1e11,5e10\n";
        TrainingRun run = read(csv, 10).get(0);
        assertEquals(0.5, run.value());
        assertEquals(5e10, run.uniqueTokens());
    }
}
