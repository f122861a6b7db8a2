package dev.moeadvisor.web.ui.explore;

import dev.moeadvisor.web.ui.shared.Option;

import java.util.List;

/**
 * The explorer's controls.
 *
 * @param models      the loss models to rank with
 * @param experts     "any" and the expert counts the search visits
 * @param topKs       "any" and the top-k values it visits
 * @param granularity "any" and the centres of its granularity bands
 * @param minCompute  the compute slider's lower end, log10 FLOPs
 * @param maxCompute  its upper end
 * @param compute     its start
 */
public record ExplorePage(List<Option> models, List<Option> experts, List<Option> topKs, List<Option> granularity,
                          double minCompute, double maxCompute, double compute) {
}
