package dev.moeadvisor.plan;

import dev.moeadvisor.envelope.Outside;
import dev.moeadvisor.shape.ModelShape;

/**
 * One budget's summary in a sweep: the recommended shape and its key numbers, or why the budget is infeasible.
 *
 * @param budget             the budget
 * @param shape              the recommended shape (null when infeasible)
 * @param totalParams        its non-embedding total parameters (NaN when infeasible)
 * @param activeParams       its non-embedding active parameters
 * @param activationRatio    Ling's A
 * @param granularity        G
 * @param paramActivationRatio r_a
 * @param tokens             training tokens
 * @param epochs             epochs over the unique data
 * @param loss               predicted loss
 * @param efficiencyLeverage EL
 * @param denseLoss          the dense baseline's predicted loss (NaN without one)
 * @param bindingConstraint  the binding constraint's id, {@code none}, or for an infeasible budget the constraint
 *                           that made it so
 * @param message            null when feasible; the infeasibility message otherwise
 * @param moe                the recommendation is an MoE (false: under the model MoE does not pay at this budget and
 *                           the dense model is recommended; false too when infeasible)
 * @param bindingBounds      the search bounds that alone hold back shapes predicted better (empty when none)
 * @param outside            the axes on which the recommendation lies outside the model's evidence and by what factor
 *                           ({@code dev.moeadvisor.envelope.EvidenceEnvelope}, the rule of every endpoint; set by the
 *                           service, which knows the model's evidence; empty when inside or infeasible)
 */
public record SweepRow(Budget budget, ModelShape shape, double totalParams, double activeParams,
                       double activationRatio, double granularity, double paramActivationRatio, double tokens,
                       double epochs, double loss, double efficiencyLeverage, double denseLoss,
                       String bindingConstraint, String message, boolean moe, java.util.List<String> bindingBounds,
                       java.util.List<Outside> outside) {

    public SweepRow {
        bindingBounds = java.util.List.copyOf(bindingBounds);
        outside = outside == null ? java.util.List.of() : java.util.List.copyOf(outside);
    }

    /** The same row with its recommendation's evidence envelope. */
    public SweepRow withOutside(java.util.List<Outside> list) {
        return new SweepRow(budget, shape, totalParams, activeParams, activationRatio, granularity, paramActivationRatio,
                tokens, epochs, loss, efficiencyLeverage, denseLoss, bindingConstraint, message, moe, bindingBounds, list);
    }

    public boolean feasible() {
        return shape != null;
    }

    static SweepRow of(Budget budget, PlanResult plan) {
        return of(budget, plan.recommended(), plan.dense().map(d -> d.baseline().loss()).orElse(Double.NaN),
                plan.bindingConstraint(), plan.searchBounds());
    }

    /**
     * @param c         the recommendation
     * @param denseLoss the dense baseline's loss (NaN without one)
     * @param binding   the binding constraint's id or {@code none}
     * @param bounds    the search-bound checks of the recommendation (the binding ones are listed)
     */
    static SweepRow of(Budget budget, Candidate c, double denseLoss, String binding, java.util.List<BoundCheck> bounds) {
        return new SweepRow(budget, c.shape(), c.totalParams(), c.activeParams(), c.activationRatio(), c.granularity(),
                c.paramActivationRatio(), c.tokens(), c.epochs(), c.loss(), c.efficiencyLeverage(), denseLoss, binding,
                null, c.isMoe(), bounds.stream().filter(BoundCheck::binding).map(BoundCheck::bound).toList(),
                java.util.List.of());
    }

    static SweepRow infeasible(Budget budget, InfeasiblePlanException e) {
        double nan = Double.NaN;
        return new SweepRow(budget, null, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, e.constraint(),
                e.getMessage(), false, java.util.List.of(), java.util.List.of());
    }
}
