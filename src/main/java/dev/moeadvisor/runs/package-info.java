/**
 * Training runs: the record ({@link dev.moeadvisor.runs.TrainingRun}), its CSV form
 * ({@link dev.moeadvisor.runs.RunCsvReader}, {@link dev.moeadvisor.runs.RunCsvWriter}, Apache Commons CSV), its
 * JSON form ({@link dev.moeadvisor.runs.RunInput}, a plain record a binder fills) and the one rule set both go
 * through ({@link dev.moeadvisor.runs.RunValidator}).
 *
 * <p>Decisions:
 * <ul>
 *   <li>All or nothing: a file or list is accepted whole or refused with every problem, each with its line and
 *       column ({@link dev.moeadvisor.runs.RunDataException}), never a partial result.</li>
 *   <li>Per-run rules always apply (a {@code TrainingRun} cannot be built invalid); set rules are a
 *       {@link dev.moeadvisor.runs.RunRules}: uploads need tokens and one metric, a bundled transcription of a
 *       paper keeps every printed row (its ablations lack token counts and use another metric).</li>
 *   <li>Activation ratio {@code A = (k + s)/(E + s)}, {@code s = d_shared/d_expert} with {@code d_shared} the
 *       total shared width (Ling, arXiv 2507.17702 §2); granularity {@code G = 2·d_model/d_expert} (Ling §3);
 *       parameters and FLOPs from {@link dev.moeadvisor.shape.ShapeMetrics} when not given
 *       ({@code M = 3·(2·N_active + 4·S·L·n_heads·d_head)}, arXiv 2506.12119 §3.1).</li>
 *   <li>Published forward-only FLOPs/token (arXiv 2506.12119 Tables 5–6) are recognised by the factor 3 between
 *       forward and training FLOPs, not by parsing notes.</li>
 *   <li>Every CSV the advisor exports (runs, plan, sweep) goes through {@link dev.moeadvisor.runs.SafeCsv}: a text
 *       cell starting with {@code = + - @}, tab or CR gets a leading {@code '} (OWASP, CSV injection); numbers
 *       stay numbers; the reader drops that quote again, so a downloaded run file uploads back unchanged.</li>
 * </ul>
 * Plain Java: no framework imports.
 */
package dev.moeadvisor.runs;
