/**
 * Data sets ({@code /datasets}, {@code /datasets/{id}}, {@link dev.moeadvisor.web.ui.datasets.DatasetsPageResource});
 * templates {@code templates/DatasetsPageResource/}.
 * <ul>
 *   <li>An upload is a multipart form ({@link dev.moeadvisor.web.ui.datasets.RunUpload}: CSV, or JSON when named
 *       {@code .json} or starting with {@code [}/<code>{</code>), limited to {@code advisor.upload.max-bytes}; a
 *       refused file is answered with the page again (400, 413 when too large), the user's name and description,
 *       and every problem's line and column.</li>
 *   <li>The runs table ({@link dev.moeadvisor.web.ui.datasets.RunTable}) sorts in the browser
 *       ({@code web/js/sortable-table.js}) by keys the server writes ({@code data-sort}); without JavaScript it
 *       keeps the data set's order.</li>
 * </ul>
 */
package dev.moeadvisor.web.ui.datasets;
