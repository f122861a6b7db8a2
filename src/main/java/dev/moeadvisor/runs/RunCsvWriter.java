package dev.moeadvisor.runs;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes runs as a run file: every {@link RunColumn} in order, empty cells for absent values, numbers in a form
 * {@link RunCsvReader} reads back to the same {@code double} ({@link Double#toString}), so write-then-read returns
 * equal runs.
 */
public final class RunCsvWriter {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    public void write(List<TrainingRun> runs, Writer target) {
        try {
            CSVPrinter printer = new CSVPrinter(target, FORMAT);
            List<String> header = new ArrayList<>();
            for (RunColumn c : RunColumn.values()) {
                header.add(c.header());
            }
            printer.printRecord(header);
            for (TrainingRun run : runs) {
                RunInput in = RunInput.of(run);
                List<String> cells = new ArrayList<>();
                for (RunColumn c : RunColumn.values()) {
                    Object v = c.get(in);
                    cells.add(v == null ? "" : v.toString());
                }
                printer.printRecord(cells);
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String toCsv(List<TrainingRun> runs) {
        StringWriter out = new StringWriter();
        write(runs, out);
        return out.toString();
    }
}
