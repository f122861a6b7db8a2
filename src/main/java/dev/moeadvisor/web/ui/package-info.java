/**
 * The HTML pages: home ({@code /}), laws ({@code /laws}, and {@code /laws/compare}: the MoE law families side by
 * side on a known shape), evaluate ({@code /evaluate}), plan ({@code /plan}), saved
 * plans ({@code /plans}, {@code /plans/{id}}, {@code /plans/{id}.csv}), data sets ({@code /datasets},
 * {@code /datasets/{id}}) and fits ({@code /fits}, {@code /fits/{id}}). Each page resource has
 * one {@code @CheckedTemplate} under {@code templates/<Resource>/}; the layout and the {@code field} tag are shared.
 *
 * <p>Decisions:
 * <ul>
 *   <li>The evaluate form is read into the JSON API's {@code EvaluateRequest} ({@link dev.moeadvisor.web.ui.EvaluateForm#toRequest}),
 *       then validated with the API's Bean Validation rules and evaluated by the same {@code EvaluationService};
 *       the shape's and the budget's own checks apply unchanged. Field errors from any of these steps are named by
 *       their API path ({@code dev.moeadvisor.web.error.FieldErrors}) and mapped back to form fields. A refused
 *       form is answered with 400 and the page, showing the user's text and a message next to each field.</li>
 *   <li>The plan form is read the same way into the API's {@code PlanRequestDto}, whose {@code toRequest()} mapping
 *       (defaults included) is the only one; a good form is answered with 303 to the plan's permalink, an infeasible
 *       budget with 422 naming the binding constraint, a default fit still computing with 503. The GPU budget
 *       inputs ({@link dev.moeadvisor.web.ui.GpuBudgetFields}, tag {@code gpuBudget}) and the form helpers
 *       ({@link dev.moeadvisor.web.ui.FormNumbers}, {@link dev.moeadvisor.web.ui.FormFields}) are shared by both
 *       forms.</li>
 *   <li>A plan page's charts come from {@link dev.moeadvisor.web.ui.PlanChartData}: the returned shapes' predicted
 *       losses, and the EL curve over G of the plan's own EL law (published or fitted).</li>
 *   <li>Form inputs accept human number forms ({@link dev.moeadvisor.web.ui.HumanNumber}): {@code 1e23},
 *       {@code 10T}, {@code 300B}, {@code 4k}, {@code 35%}; suffixes are decimal (K = 1e3, ..., P = 1e15).</li>
 *   <li>Numbers are written by {@link dev.moeadvisor.web.ui.NumberFormats} only: scientific notation for FLOPs,
 *       {@code 46.7B} for parameters and tokens, percentages for ratios, coefficients as stored.</li>
 *   <li>Templates make no decisions: view models carry flags ({@code moe}, {@code extrapolated},
 *       {@code gpuHoursGiven}) and preselected options.</li>
 *   <li>The EL charts are drawn by {@code web/js/evaluate-charts.js} from JSON the server embeds
 *       ({@link dev.moeadvisor.web.ui.ElChartData}); the script never evaluates the law itself.</li>
 *   <li>The known-model picker is a plain GET form ({@code ?model=id}) with a "Load" button; a small script
 *       submits it on change and hides the button.</li>
 *   <li>Data set and fit pages call the same {@code DatasetService} and {@code FitService} as the JSON API and map
 *       their results to view models. An upload is a multipart form ({@link dev.moeadvisor.web.ui.RunUpload}: CSV,
 *       or JSON when named {@code .json} or starting with {@code [}/<code>{</code>), limited to
 *       {@code advisor.upload.max-bytes}; a refused file is answered with the page again (400, 413 when too large),
 *       the user's name and description, and every problem's line and column. Successful posts answer 303.</li>
 *   <li>The start-a-fit form ({@link dev.moeadvisor.web.ui.FitForm}) is text; it is read into the service's
 *       {@code FitRequest} (both kinds ticked = no kind filter, so the prefilled bundled form spells the default
 *       request), and the service's {@code InvalidFitRequestException} names the form field. Too many fits
 *       running answers 429 with the form.</li>
 *   <li>A fit's charts ({@link dev.moeadvisor.web.ui.FitChartData}) are computed on the server: the parity and
 *       residual points from the fit's residuals, the EL curves by the fitted and the published
 *       {@code EfficiencyLeverageLaw} at the runs' median G (8 without MoE runs) and median compute. A running fit's
 *       page refreshes itself every 2 s.</li>
 *   <li>The runs table sorts in the browser ({@code web/js/sortable-table.js}) by keys the server writes
 *       ({@code data-sort}); without JavaScript it keeps the data set's order.</li>
 * </ul>
 */
package dev.moeadvisor.web.ui;
