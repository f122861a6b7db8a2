/**
 * Fits ({@code /fits}, {@code /fits/{id}}, {@link dev.moeadvisor.web.ui.fits.FitsPageResource}); templates
 * {@code templates/FitsPageResource/} and the tags {@code fitForm}, {@code fitTable}.
 * <ul>
 *   <li>The start-a-fit form ({@link dev.moeadvisor.web.ui.fits.FitForm}, shown by
 *       {@link dev.moeadvisor.web.ui.fits.FitFormView}, also on a data set's page) is text; it is read into the
 *       service's {@code FitRequest} (both kinds ticked = no kind filter, so the prefilled bundled form spells the
 *       default request), and the service's {@code InvalidFitRequestException} names the form field. Too many
 *       fits running answers 429 with the form.</li>
 *   <li>A fit's page ({@link dev.moeadvisor.web.ui.fits.FitPage}) lists its coefficients
 *       ({@link dev.moeadvisor.web.ui.fits.CoefficientRow}); its charts
 *       ({@link dev.moeadvisor.web.ui.fits.FitChartData}) are computed on the server: the parity and residual
 *       points from the fit's residuals, the EL curves by the fitted and the published
 *       {@code EfficiencyLeverageLaw} at the runs' median G (8 without MoE runs) and median compute. A running
 *       fit's page refreshes itself every 2 s.</li>
 * </ul>
 */
package dev.moeadvisor.web.ui.fits;
