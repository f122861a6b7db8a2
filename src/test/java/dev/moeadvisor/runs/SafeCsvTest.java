package dev.moeadvisor.runs;

import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** OWASP CSV-injection neutralisation: formula text gets a leading quote; numbers (negative ones too) do not. */
class SafeCsvTest {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    @Test
    void formulaTextIsQuotedAndNumbersAreNot() {
        String csv = new SafeCsv(FORMAT).write(List.of(Arrays.asList("=HYPERLINK(\"http://x\")", "+1+1", "-2+3",
                "@SUM(A1)", "\tTAB", "plain", -0.5, -3, true, null)));
        // Each trigger character (= + - @ tab) gets one quote; the numbers -0.5 and -3 are written as numbers.
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\",'+1+1,'-2+3,'@SUM(A1),'\tTAB,plain,-0.5,-3,true,\n", csv);
    }

    @Test
    void carriageReturnAtTheStartIsQuotedToo() {
        assertEquals("'\rx", SafeCsv.cell("\rx"));
        assertEquals("x=1", SafeCsv.cell("x=1"), "only a leading trigger is a formula");
        assertEquals("", SafeCsv.cell(""));
    }

    @Test
    void unquoteUndoesOnlyTheNeutralisingQuote() {
        assertEquals("=1+1", SafeCsv.unquote("'=1+1"));
        assertEquals("'plain", SafeCsv.unquote("'plain"), "a quote before ordinary text is the user's own");
        assertEquals("'", SafeCsv.unquote("'"));
    }

    @Test
    void aRunFileWithFormulaNotesIsNeutralisedAndReadsBackToTheSameRuns() {
        String upload = "kind,n_layers,d_model,n_heads,d_ffn,tokens,unique_tokens,metric,value,layout,note\n"
                + "dense,28,2176,17,8848,1.14e11,,val_bpc,0.4808,+cmd|' /C calc'!A0,=HYPERLINK(\"http://evil\")\n";
        List<TrainingRun> runs = new RunCsvReader(RunRules.upload(10)).read(new StringReader(upload));
        assertEquals("=HYPERLINK(\"http://evil\")", runs.get(0).note());
        String written = new RunCsvWriter().toCsv(runs);
        String row = written.split("\n")[1];
        // The formula cells start with a quote inside the CSV field; no cell of the row starts with = or +.
        assertEquals(true, row.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), row);
        assertEquals(true, row.contains("'+cmd|' /C calc'!A0"), row);
        assertEquals(false, row.matches("(^|.*,)[=+@].*"), row);
        List<TrainingRun> back = new RunCsvReader(RunRules.upload(10)).read(new StringReader(written));
        assertEquals(runs, back);
    }
}
