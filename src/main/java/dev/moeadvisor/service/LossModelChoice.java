package dev.moeadvisor.service;

import dev.moeadvisor.law.MoeLossModel;

import java.util.List;

/**
 * A loss model the planner can rank with: published coefficients or a stored fit, with its bootstrap models
 * (empty for published coefficients, which come without intervals).
 *
 * @param id        {@code ling-2025}, {@code ling-2025-epoch}, {@code default} or a fit's id
 * @param label     what it is, for people
 * @param unit      the loss unit (nats of one corpus, or BPC)
 * @param model     the point estimate
 * @param bootstrap bootstrap refits, for intervals
 */
public record LossModelChoice(String id, String label, String unit, MoeLossModel model, List<MoeLossModel> bootstrap) {
    public LossModelChoice {
        bootstrap = List.copyOf(bootstrap);
    }
}
