package dev.moeadvisor.web.api;

import dev.moeadvisor.shape.CountConvention;
import dev.moeadvisor.shape.ShapeMetrics;

import java.util.Arrays;
import java.util.List;

/**
 * A shape's parameter counts under each convention model cards use (non-embedding; with the unembedding only; with
 * both embedding matrices), labelled, and its multi-token-prediction modules counted apart (null when it has none).
 */
public record ParamCountsDto(List<Count> total, List<Count> active, Double mtpParams, Double mtpActiveParams,
                             Double mtpFlopsPerTokenTraining) {

    /** One count and the convention it follows. */
    public record Count(String convention, String label, double params) {}

    public static ParamCountsDto of(ShapeMetrics m, boolean hasMtp) {
        return new ParamCountsDto(
                Arrays.stream(CountConvention.values()).map(c -> new Count(c.id(), c.label(), m.totalParams(c))).toList(),
                Arrays.stream(CountConvention.values()).map(c -> new Count(c.id(), c.label(), m.activeParams(c))).toList(),
                hasMtp ? m.mtpParams() : null, hasMtp ? m.mtpActiveParams() : null,
                hasMtp ? m.mtpFlopsPerTokenTraining() : null);
    }
}
