package dev.moeadvisor.runs;

/**
 * One reason a run file or a list of runs was refused.
 *
 * @param line    the physical line of a CSV file (the header is line 1), or the 1-based position of the run in a
 *                JSON list; 0 for a problem of the whole input
 * @param column  the CSV column name the problem is in (JSON fields are reported under the same snake_case name),
 *                or empty for a problem of the whole row or input
 * @param message what is wrong, for a person
 */
public record RunDataError(int line, String column, String message) {

    public RunDataError {
        column = column == null ? "" : column;
    }

    @Override
    public String toString() {
        return "line " + line + (column.isEmpty() ? "" : ", column " + column) + ": " + message;
    }
}
