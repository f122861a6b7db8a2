package dev.moeadvisor.runs;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one CSV writer of every export (runs, plan, sweep): Apache Commons CSV with formula injection neutralised as
 * OWASP's "CSV Injection" page advises. A text cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab
 * or a carriage return would be evaluated as a formula by a spreadsheet; it is written with a single quote in front
 * ({@code '=HYPERLINK(...)}), which spreadsheets show as text. Numbers ({@link Number}) and booleans are written as
 * they are, so a negative number in a numeric column stays a number. {@link RunCsvReader} drops that quote again,
 * so a run file written here reads back to the same runs.
 */
public final class SafeCsv {

    private static final String TRIGGERS = "=+-@\t\r";

    private final CSVFormat format;
    private final Function<Number, String> numbers;

    /** Writes with this format (header, record separator); the format's own header row is written unchanged. */
    public SafeCsv(CSVFormat format) {
        this(format, null);
    }

    /**
     * Writes numbers as {@code numbers} spells them (a number is never neutralised, so a negative one stays a
     * number); {@code null} writes them as Java does.
     */
    public SafeCsv(CSVFormat format, Function<Number, String> numbers) {
        this.format = format;
        this.numbers = numbers;
    }

    /** The rows as CSV text, every cell through {@link #cell(Object)}. */
    public String write(List<? extends List<?>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (List<?> row : rows) {
                List<Object> cells = new ArrayList<>(row.size());
                for (Object v : row) {
                    cells.add(numbers != null && v instanceof Number n ? numbers.apply(n) : cell(v));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A cell as written: {@code null} → empty, numbers and booleans unchanged, text neutralised. */
    public static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        String text = value.toString();
        return startsWithTrigger(text) ? "'" + text : text;
    }

    /** Undoes {@link #cell} on a text cell read back: {@code '=x} → {@code =x}; anything else unchanged. */
    public static String unquote(String text) {
        if (text != null && text.length() > 1 && text.charAt(0) == '\'' && startsWithTrigger(text.substring(1))) {
            return text.substring(1);
        }
        return text;
    }

    private static boolean startsWithTrigger(String text) {
        return !text.isEmpty() && TRIGGERS.indexOf(text.charAt(0)) >= 0;
    }
}
