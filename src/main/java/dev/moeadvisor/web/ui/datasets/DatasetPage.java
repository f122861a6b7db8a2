package dev.moeadvisor.web.ui.datasets;

import dev.moeadvisor.web.ui.fits.FitFormView;
import dev.moeadvisor.web.ui.fits.FitRow;

import dev.moeadvisor.runs.TrainingRun;
import dev.moeadvisor.service.DatasetSummary;

import java.util.List;

/**
 * One data set's page: its summary, its runs, its fits, and the form to start a fit.
 *
 * @param summary   the data set
 * @param runs      the runs table
 * @param fits      the fits of this data set, newest first
 * @param fitForm   the start-a-fit form
 * @param csvUrl    where its runs download as CSV
 * @param deletable a user's data set (bundled ones are read-only)
 */
public record DatasetPage(DatasetSummary summary, RunTable runs, List<FitRow> fits, FitFormView fitForm,
                          String csvUrl, boolean deletable) {

    static DatasetPage of(DatasetSummary summary, List<TrainingRun> runs, List<FitRow> fits, FitFormView form) {
        return new DatasetPage(summary, RunTable.of(runs), fits, form,
                "/api/v1/datasets/" + summary.id() + "/runs.csv", !summary.readOnly());
    }
}
