package dev.moeadvisor.runs;

import java.util.List;

/**
 * Run data that cannot be accepted. Carries every problem found (never only the first), each with its line and
 * column; a reader either returns all runs or throws this, never a partial result.
 */
public class RunDataException extends RuntimeException {

    private final List<RunDataError> errors;

    public RunDataException(List<RunDataError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public List<RunDataError> errors() {
        return errors;
    }

    private static String summary(List<RunDataError> errors) {
        if (errors.isEmpty()) {
            return "invalid run data";
        }
        String first = errors.get(0).toString();
        return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more)";
    }
}
