package dev.moeadvisor.web.api;

import dev.moeadvisor.plan.Candidate;

/** A planned shape with its counts and predictions. {@code granularity} is null for dense shapes. */
public record CandidateDto(ShapeRequest shape, boolean moe, double totalParams, double activeParams,
                           double embeddingParams, EvaluateResponse.ActivationRatio activationRatio, Double granularity,
                           double flopsPerToken, double tokens, Double epochs, double predictedLoss,
                           double efficiencyLeverage, boolean extrapolated) {

    public static CandidateDto of(Candidate c) {
        var m = c.metrics();
        return new CandidateDto(ShapeRequest.of(c.shape()), c.isMoe(), m.totalParams(), m.activeParams(),
                m.embeddingParams(),
                new EvaluateResponse.ActivationRatio(m.activationRatioLing(), m.activationRatioRouted(),
                        m.activationRatioParams()),
                Double.isNaN(m.granularity()) ? null : m.granularity(), m.flopsPerTokenTraining(), c.tokens(),
                c.epochs() > 0 ? c.epochs() : null, c.loss(), c.efficiencyLeverage(), c.extrapolated());
    }
}
