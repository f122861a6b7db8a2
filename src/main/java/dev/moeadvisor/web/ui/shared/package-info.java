/**
 * What several page features share.
 * <ul>
 *   <li>Numbers: {@link dev.moeadvisor.web.ui.shared.NumberFormats} writes every number a page, a rationale or a
 *       CSV shows; {@link dev.moeadvisor.web.ui.shared.HumanNumber} reads {@code 1e23}, {@code 10T}, {@code 35%}.</li>
 *   <li>Forms: {@link dev.moeadvisor.web.ui.shared.FormErrors} (API field paths mapped back to form fields),
 *       {@link dev.moeadvisor.web.ui.shared.FormNumbers}, {@link dev.moeadvisor.web.ui.shared.FormFields} and
 *       {@link dev.moeadvisor.web.ui.shared.FieldView} (tag {@code field}), {@link dev.moeadvisor.web.ui.shared.Option}.</li>
 *   <li>The GPU budget inputs of the plan and evaluate forms: {@link dev.moeadvisor.web.ui.shared.GpuBudgetFields},
 *       {@link dev.moeadvisor.web.ui.shared.GpuBudgetView} (tag {@code gpuBudget}).</li>
 *   <li>The EL charts of plan and evaluate results: {@link dev.moeadvisor.web.ui.shared.ElChartData}, drawn by
 *       {@code web/js/evaluate-charts.js}; JSON for page scripts: {@link dev.moeadvisor.web.ui.shared.ScriptJson}.</li>
 *   <li>Confirmation pages before a delete or cancel: {@link dev.moeadvisor.web.ui.shared.Confirmation} (tag
 *       {@code confirm}).</li>
 * </ul>
 */
package dev.moeadvisor.web.ui.shared;
