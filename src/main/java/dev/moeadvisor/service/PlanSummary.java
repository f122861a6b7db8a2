package dev.moeadvisor.service;

import java.time.OffsetDateTime;

/** One row of the recent-plans list: the budget and the recommendation's key figures. */
public record PlanSummary(long id, OffsetDateTime createdAt, String modelId, double computeFlops, Double uniqueTokens,
                          double activationRatio, double paramActivationRatio, double granularity,
                          double efficiencyLeverage, double predictedLoss, double totalParams, double activeParams) {
}
