package dev.moeadvisor.web.ui.fits;

import java.util.List;

/**
 * The fits page: the published model and every stored fit, newest first, and the start-a-fit form.
 *
 * @param fits the list
 * @param form the form, with a data set select
 */
public record FitsPage(List<FitRow> fits, FitFormView form) {
}
