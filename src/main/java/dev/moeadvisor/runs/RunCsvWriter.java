package dev.moeadvisor.runs;

import dev.moeadvisor.numbers.Numbers;
import org.apache.commons.csv.CSVFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes runs as a run file: every {@link RunColumn} in order, empty cells for absent values, numbers in a form
 * {@link RunCsvReader} reads back to the same {@code double} ({@link Numbers#csvExact}: Java's shortest digits, plain
 * or as {@code 1.05e24}, never Java's {@code E} notation), so write-then-read returns equal runs.
 */
public final class RunCsvWriter {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    public void write(List<TrainingRun> runs, Writer target) {
        try {
            target.write(toCsv(runs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The runs as a run file; text cells that a spreadsheet would run as formulas are neutralised ({@link SafeCsv}). */
    public String toCsv(List<TrainingRun> runs) {
        List<List<?>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (RunColumn c : RunColumn.values()) {
            header.add(c.header());
        }
        rows.add(header);
        for (TrainingRun run : runs) {
            RunInput in = RunInput.of(run);
            List<Object> cells = new ArrayList<>();
            for (RunColumn c : RunColumn.values()) {
                cells.add(c.get(in));
            }
            rows.add(cells);
        }
        return new SafeCsv(FORMAT, Numbers::csvExact).write(rows);
    }
}
