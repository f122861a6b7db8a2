/**
 * The evidence page's core: every bundled source of MoE-vs-dense runs ({@link dev.moeadvisor.evidence.EvidenceSource})
 * read as matched pairs ({@link dev.moeadvisor.evidence.MoeDensePair}), and what every law family and fit predicts of
 * each pair's relative loss gap ({@link dev.moeadvisor.evidence.GapPredictor}), with which pairs each predictor was
 * fitted on ({@link dev.moeadvisor.evidence.Fitted}), summarised per source ({@link dev.moeadvisor.evidence.EvidenceReport}).
 * Plain Java: depends on {@code runs}, {@code law}, {@code law.family}, {@code envelope} and {@code shape} only.
 */
package dev.moeadvisor.evidence;
