package dev.moeadvisor.runs;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a run file (RFC 4180 CSV with a header row naming {@link RunColumn}s in any order) with Apache Commons CSV,
 * then applies {@link RunValidator}. Line numbers are physical lines (the header is line 1), so a person can find
 * the cell. Header problems (missing required column, unknown or repeated column) are all reported and stop the
 * read, since rows cannot be interpreted without a sound header; cell problems (text in a number, NaN, Infinity)
 * and rule problems are then all collected across every row.
 */
public final class RunCsvReader {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).setTrim(true)
            .get();

    private final RunRules rules;

    public RunCsvReader(RunRules rules) {
        this.rules = rules;
    }

    /**
     * Reads every run or none.
     *
     * @throws RunDataException listing every problem with its line and column
     * @throws UncheckedIOException when the reader fails
     */
    public List<TrainingRun> read(Reader source) {
        try (CSVParser parser = CSVParser.builder().setReader(source).setFormat(FORMAT).get()) {
            return read(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | UncheckedIOException e) {
            // Commons CSV reports malformed quoting (e.g. an unclosed quote) this way, with its line in the message.
            throw new RunDataException(List.of(new RunDataError(0, "", "malformed CSV: " + rootMessage(e))));
        }
    }

    private List<TrainingRun> read(CSVParser parser) {
        Iterator<CSVRecord> it = parser.iterator();
        long lineBefore = 0;
        List<RunColumn> columns = null;
        int headerLine = 0;
        while (columns == null && it.hasNext()) {
            CSVRecord rec = it.next();
            headerLine = (int) lineBefore + 1;
            lineBefore = parser.getCurrentLineNumber();
            if (!isBlank(rec)) {
                columns = header(rec, headerLine);
            }
        }
        if (columns == null) {
            throw new RunDataException(List.of(new RunDataError(1, "", "empty file: a header row and at least one run are needed")));
        }
        List<RunDataError> errors = new ArrayList<>();
        Set<String> unparsed = new HashSet<>();
        List<RunValidator.Located> rows = new ArrayList<>();
        while (it.hasNext()) {
            CSVRecord rec = it.next();
            int line = (int) lineBefore + 1;
            lineBefore = parser.getCurrentLineNumber();
            if (isBlank(rec)) {
                continue;
            }
            if (rows.size() > rules.maxRows()) {
                break;  // the validator reports the first row over the limit; reading on is wasted work
            }
            if (rec.size() != columns.size()) {
                errors.add(new RunDataError(line, "", "expected " + columns.size() + " fields, found " + rec.size()));
                for (RunColumn c : RunColumn.values()) {
                    unparsed.add(line + ":" + c.header());  // reported as a whole row; its cells are not checked
                }
                rows.add(new RunValidator.Located(line, RunInput.fromColumns(Map.of())));
                continue;
            }
            Map<RunColumn, Object> values = new EnumMap<>(RunColumn.class);
            for (int i = 0; i < columns.size(); i++) {
                RunColumn col = columns.get(i);
                String text = rec.get(i);
                if (text.isEmpty()) {
                    continue;
                }
                try {
                    values.put(col, parse(col, text));
                } catch (IllegalArgumentException e) {
                    errors.add(new RunDataError(line, col.header(), e.getMessage()));
                    unparsed.add(line + ":" + col.header());
                }
            }
            rows.add(new RunValidator.Located(line, RunInput.fromColumns(values)));
        }
        if (rows.isEmpty()) {
            throw new RunDataException(List.of(new RunDataError(headerLine + 1, "", "no runs: the file has a header only")));
        }
        return new RunValidator(rules).validate(rows, errors, unparsed);
    }

    private static List<RunColumn> header(CSVRecord rec, int line) {
        List<RunDataError> errors = new ArrayList<>();
        List<RunColumn> columns = new ArrayList<>();
        Set<RunColumn> seen = new HashSet<>();
        for (int i = 0; i < rec.size(); i++) {
            String name = rec.get(i);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1).trim();
            }
            RunColumn col = RunColumn.fromHeader(name).orElse(null);
            if (col == null) {
                errors.add(new RunDataError(line, name, "unknown column '" + name + "' (known: "
                        + String.join(", ", headers()) + ")"));
            } else if (!seen.add(col)) {
                errors.add(new RunDataError(line, name, "column '" + name + "' appears twice"));
            }
            columns.add(col);
        }
        for (RunColumn c : RunColumn.values()) {
            if (c.requiredInHeader() && !seen.contains(c)) {
                errors.add(new RunDataError(line, c.header(), "required column '" + c.header() + "' is missing"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RunDataException(errors);
        }
        return columns;
    }

    private static List<String> headers() {
        List<String> names = new ArrayList<>();
        for (RunColumn c : RunColumn.values()) {
            names.add(c.header());
        }
        return names;
    }

    /** One cell's text as its column's type; IllegalArgumentException with a message for a person. */
    static Object parse(RunColumn col, String text) {
        return switch (col.type()) {
            case TEXT -> SafeCsv.unquote(text);
            case DECIMAL -> decimal(text);
            case INTEGER -> integer(text);
            case BOOLEAN -> bool(text);
        };
    }

    private static double decimal(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            if (text.toLowerCase().contains("nan") || text.toLowerCase().contains("inf")) {
                throw new IllegalArgumentException("must be a finite number, not '" + text + "'");
            }
            throw new IllegalArgumentException("not a number: '" + text + "'");
        }
        double v = Double.parseDouble(text);
        if (Double.isInfinite(v)) {
            throw new IllegalArgumentException("number out of range: '" + text + "'");
        }
        return v;
    }

    private static int integer(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not a whole number: '" + text + "'");
        }
        try {
            return new BigDecimal(text).intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("not a whole number in range: '" + text + "'");
        }
    }

    private static boolean bool(String text) {
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("must be true or false, not '" + text + "'");
    }

    private static boolean isBlank(CSVRecord rec) {
        return rec.size() == 1 && rec.get(0).isEmpty();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
