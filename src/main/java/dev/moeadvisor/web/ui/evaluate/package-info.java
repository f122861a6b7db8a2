/**
 * Evaluating one shape ({@code /evaluate}, {@link dev.moeadvisor.web.ui.evaluate.EvaluatePageResource}); template
 * {@code templates/EvaluatePageResource/}.
 * <ul>
 *   <li>The form ({@link dev.moeadvisor.web.ui.evaluate.EvaluateForm}, fields named by
 *       {@link dev.moeadvisor.web.ui.evaluate.ShapeField}) is read into the API's {@code EvaluateRequest}, validated
 *       with the API's Bean Validation rules and evaluated by the same {@code EvaluationService}; the shape's and
 *       the budget's own checks apply unchanged.</li>
 *   <li>The known-model picker is a plain GET form ({@code ?model=id}) with a "Load" button; a small script submits
 *       it on change and hides the button.</li>
 *   <li>The result ({@link dev.moeadvisor.web.ui.evaluate.EvaluationView}) carries the EL charts
 *       ({@link dev.moeadvisor.web.ui.shared.ElChartData}).</li>
 * </ul>
 */
package dev.moeadvisor.web.ui.evaluate;
