package dev.moeadvisor.web.ui.datasets;

import dev.moeadvisor.web.ui.shared.FieldView;
import dev.moeadvisor.web.ui.shared.NumberFormats;

import dev.moeadvisor.runs.RunDataError;
import dev.moeadvisor.service.DatasetService;
import dev.moeadvisor.service.DatasetSummary;

import java.util.Comparator;
import java.util.List;

/**
 * The data sets page: every data set (the bundled one first) and the upload form, with the refused upload's
 * problems when there are some.
 *
 * @param datasets     the data sets, bundled first
 * @param name         the name field, with the user's text and its message
 * @param description  the user's description
 * @param fileError    a message about the file as a whole (none chosen, too large), or {@code null}
 * @param problems     every problem of a refused file, with line and column
 * @param maxBytes     the size limit in bytes, for the page's script
 * @param maxSize      the size limit in words
 */
public record DatasetsPage(List<DatasetSummary> datasets, FieldView name, String description, String fileError,
                           List<Problem> problems, long maxBytes, String maxSize) {

    /** One problem of a refused file. */
    public record Problem(String line, String column, String message) {
    }

    public boolean refused() {
        return fileError != null || name.invalid() || !problems.isEmpty();
    }

    static DatasetsPage of(List<DatasetSummary> all, String name, String description, String fileError,
                           List<RunDataError> errors, long maxBytes) {
        List<DatasetSummary> sorted = all.stream()
                .sorted(Comparator.comparing((DatasetSummary d) -> !DatasetService.BUNDLED_SLUG.equals(d.id()))
                        .thenComparing(d -> !d.readOnly()))
                .toList();
        String nameError = errors.stream().filter(DatasetsPage::aboutName).map(RunDataError::message)
                .findFirst().orElse(null);
        List<Problem> problems = errors.stream().filter(e -> !aboutName(e))
                .map(e -> new Problem(e.line() > 0 ? Integer.toString(e.line()) : "—",
                        e.column().isEmpty() ? "—" : e.column(), e.message()))
                .toList();
        FieldView nameField = new FieldView("name", "Name", "", name == null ? "" : name, nameError);
        return new DatasetsPage(sorted, nameField, description == null ? "" : description, fileError, problems,
                maxBytes, NumberFormats.tokens(maxBytes) + "B");
    }

    private static boolean aboutName(RunDataError e) {
        return e.line() == 0 && "name".equals(e.column());
    }
}
