package dev.moeadvisor.web.api;

import dev.moeadvisor.envelope.Outside;
import dev.moeadvisor.plan.Candidate;
import dev.moeadvisor.service.LossModelChoice;

import java.util.List;

/**
 * A planned shape with its counts and predictions. {@code granularity} is null for dense shapes. {@code outside}: the
 * axes on which it lies outside the plan's model's evidence and by what factor, by the rule of every endpoint
 * ({@code dev.moeadvisor.envelope.EvidenceEnvelope}); {@code extrapolated} is derived from it (true exactly when
 * {@code outside} is not empty), kept for older clients.
 */
public record CandidateDto(ShapeRequest shape, boolean moe, double totalParams, double activeParams,
                           double embeddingParams, EvaluateResponse.ActivationRatio activationRatio, Double granularity,
                           double flopsPerToken, double tokens, Double epochs, double predictedLoss,
                           double efficiencyLeverage, boolean extrapolated, List<Outside> outside) {

    public static CandidateDto of(Candidate c, LossModelChoice model, double computeFlops) {
        List<Outside> outside = model.outside(c, computeFlops);
        var m = c.metrics();
        return new CandidateDto(ShapeRequest.of(c.shape()), c.isMoe(), m.totalParams(), m.activeParams(),
                m.embeddingParams(),
                new EvaluateResponse.ActivationRatio(m.activationRatioLing(), m.activationRatioRouted(),
                        m.activationRatioParams()),
                Double.isNaN(m.granularity()) ? null : m.granularity(), m.flopsPerTokenTraining(), c.tokens(),
                c.epochs() > 0 ? c.epochs() : null, c.loss(), c.efficiencyLeverage(), !outside.isEmpty(), outside);
    }
}
