package dev.moeadvisor.service;

import java.time.OffsetDateTime;

/**
 * One row of the recent-plans list: the budget and the recommendation's key figures.
 *
 * @param modelId    the loss model's id ({@code default}, {@code ling-2025}, a fit's id)
 * @param modelLabel the loss model in words, as stored with the plan
 * @param lossUnit   the unit of {@code predictedLoss} (e.g. {@code val_bpc}, {@code nats}), from the plan's model
 *                   snapshot; empty for a row stored before snapshots
 */
public record PlanSummary(long id, OffsetDateTime createdAt, String modelId, String modelLabel, String lossUnit,
                          double computeFlops, Double uniqueTokens,
                          double activationRatio, double paramActivationRatio, double granularity,
                          double efficiencyLeverage, double predictedLoss, double totalParams, double activeParams) {
}
