/**
 * The laws ({@code /laws}) and the MoE law families side by side on a known shape ({@code /laws/compare},
 * {@link dev.moeadvisor.web.ui.laws.LawCompareView}, {@link dev.moeadvisor.web.ui.laws.LawCompareChartData});
 * templates {@code templates/LawsPageResource/}.
 */
package dev.moeadvisor.web.ui.laws;
