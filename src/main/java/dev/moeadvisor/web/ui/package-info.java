/**
 * The HTML pages, grouped by feature: each sub-package holds one feature's page resource(s), its form (the
 * user's text, read into the JSON API's request), its view models and chart data; its templates live under
 * {@code templates/<Resource>/} (Qute's {@code @CheckedTemplate} names the folder after the resource class).
 * <ul>
 *   <li>{@link dev.moeadvisor.web.ui.home}: the home page {@code /}.</li>
 *   <li>{@link dev.moeadvisor.web.ui.plan}: the plan form {@code /plan}, saved plans {@code /plans},
 *       {@code /plans/{id}} and its CSV.</li>
 *   <li>{@link dev.moeadvisor.web.ui.evaluate}: the evaluate form and its result {@code /evaluate}.</li>
 *   <li>{@link dev.moeadvisor.web.ui.fits}: fits {@code /fits}, {@code /fits/{id}} and the start-a-fit form.</li>
 *   <li>{@link dev.moeadvisor.web.ui.datasets}: data sets {@code /datasets}, {@code /datasets/{id}}, uploads.</li>
 *   <li>{@link dev.moeadvisor.web.ui.laws}: the laws {@code /laws} and their comparison {@code /laws/compare}.</li>
 *   <li>{@link dev.moeadvisor.web.ui.config}: the config export and import page.</li>
 *   <li>{@link dev.moeadvisor.web.ui.shared}: what several features use: the number formatter and the
 *       human-number parser, form helpers and field views, the GPU budget inputs, the EL chart data,
 *       confirmation pages and JSON embedded for page scripts.</li>
 * </ul>
 * Features depend on {@code shared}; {@code datasets} also shows the {@code fits} start-a-fit form and fit table.
 * No feature depends on another in a cycle and {@code shared} depends on no feature ({@code ArchitectureTest}). The
 * shared layout and tags are {@code templates/layout.html} and {@code templates/tags/}.
 *
 * <p>Decisions common to all pages:
 * <ul>
 *   <li>A form is read into the JSON API's request type and validated by the API's Bean Validation rules and the
 *       same service; field errors are named by their API path ({@code dev.moeadvisor.web.error.FieldErrors}) and
 *       mapped back to form fields ({@link dev.moeadvisor.web.ui.shared.FormErrors}). A refused form is answered
 *       with 400 and the page, showing the user's text and a message next to each field; successful posts
 *       answer 303.</li>
 *   <li>Form inputs accept human number forms ({@link dev.moeadvisor.web.ui.shared.HumanNumber}): {@code 1e23},
 *       {@code 10T}, {@code 300B}, {@code 4k}, {@code 35%}; suffixes are decimal (K = 1e3, ..., P = 1e15).</li>
 *   <li>Numbers are written by {@link dev.moeadvisor.web.ui.shared.NumberFormats} only.</li>
 *   <li>Templates make no decisions: view models carry flags ({@code moe}, {@code extrapolated},
 *       {@code gpuHoursGiven}) and preselected options.</li>
 *   <li>Charts are drawn by scripts under {@code web/js/} from JSON the server embeds
 *       ({@link dev.moeadvisor.web.ui.shared.ScriptJson}); the scripts never evaluate a law themselves.</li>
 * </ul>
 */
package dev.moeadvisor.web.ui;
