package dev.moeadvisor.service;

import dev.moeadvisor.plan.PlanResult;

import java.time.OffsetDateTime;

/**
 * A plan with its permalink id and the loss model it was ranked with.
 *
 * @param id        the plan's id (its permalink is {@code /plans/{id}})
 * @param createdAt when it was made
 * @param model     the loss model used (a snapshot: the permalink reproduces the plan even if a fit is deleted)
 * @param result    the plan, as computed when it was saved
 * @param advisorVersion the version of the advisor that computed it
 */
public record SavedPlan(long id, OffsetDateTime createdAt, LossModelChoice model, PlanResult result,
                        String advisorVersion) {
}
