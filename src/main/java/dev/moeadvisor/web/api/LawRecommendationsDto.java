package dev.moeadvisor.web.api;

import dev.moeadvisor.envelope.Outside;
import dev.moeadvisor.plan.Candidate;
import dev.moeadvisor.service.LawRecommendations;

import java.util.List;

/**
 * {@code GET /api/v1/plans/{id}/laws}: what each law recommends for the plan's budget — the plan's own model first
 * (its stored recommendation), then {@code ling-2025} and every published MoE law family, each planning the same
 * request ranked by its own loss. Losses are in each law's own unit and do not compare across rows; EL does, with one
 * caveat: for {@code ling-2025} and fits it is Ling's EL law (compute-optimal MoE against compute-optimal dense,
 * arXiv 2507.17702, Eq. 13), for a law family the EL that law implies (its compute-optimal dense model at equal loss).
 *
 * @param plan         the plan's id
 * @param computeFlops its compute
 * @param laws         one row per law
 */
public record LawRecommendationsDto(long plan, double computeFlops, List<LawRecommendationRow> laws) {

    /**
     * @param model              the model id (usable as {@code model} of plan and evaluate)
     * @param name               for people
     * @param unit               its loss unit
     * @param planModel          the plan's own model
     * @param feasible           a shape satisfies the request under this law
     * @param moe                the recommendation is an MoE (false: under this law MoE does not pay here)
     * @param experts            E (null for dense or infeasible)
     * @param topK               k
     * @param sharedExperts      shared experts
     * @param granularity        Ling's G = 2·d_model/d_expert
     * @param activationRatio    Ling's A = (k + s)/(E + s)
     * @param efficiencyLeverage EL as this law defines it (see above)
     * @param dModel             d_model
     * @param layers             layers
     * @param dExpert            expert width
     * @param totalParams        N_total (non-embedding)
     * @param activeParams       N_active (non-embedding)
     * @param tokens             training tokens under this law's FLOP model
     * @param predictedLoss      the law's loss, in {@code unit}
     * @param shape              the whole shape, as evaluate takes it
     * @param inRange            every axis inside the law's fitted ranges (or its model's evidence)
     * @param outside            the axes outside, with the factor
     * @param outsideInWords     the same, in words
     * @param infeasible         why no shape satisfies the request under this law (else null)
     */
    public record LawRecommendationRow(String model, String name, String unit, boolean planModel, boolean feasible,
                      Boolean moe, Integer experts, Integer topK, Integer sharedExperts, Double granularity, Double activationRatio,
                      Double efficiencyLeverage, Integer dModel, Integer layers, Integer dExpert, Double totalParams,
                      Double activeParams, Double tokens, Double predictedLoss, ShapeRequest shape, boolean inRange,
                      List<Outside> outside, String outsideInWords, String infeasible) {

        static LawRecommendationRow of(LawRecommendations.Row r) {
            if (r.recommended().isEmpty()) {
                return new LawRecommendationRow(r.model(), r.name(), r.unit(), r.planModel(), false, null, null, null,
                        null, null, null, null, null, null, null, null, null, null, null, null, true, List.of(), "",
                        r.infeasible());
            }
            Candidate c = r.recommended().get();
            boolean moe = c.isMoe();
            return new LawRecommendationRow(r.model(), r.name(), r.unit(), r.planModel(), true, moe,
                    moe ? c.shape().experts() : null, moe ? c.shape().topK() : null, moe ? c.shape().sharedExperts() : null,
                    moe ? c.granularity() : null, c.activationRatio(),
                    Double.isFinite(c.efficiencyLeverage()) ? c.efficiencyLeverage() : null, c.shape().dModel(),
                    c.shape().layers(), moe ? c.shape().dExpert() : null, c.totalParams(), c.activeParams(), c.tokens(),
                    c.loss(), ShapeRequest.of(c.shape()), r.inRange(), r.outside(), r.outsideInWords(), null);
        }
    }

    static LawRecommendationsDto of(LawRecommendations r) {
        return new LawRecommendationsDto(r.planId(), r.computeFlops(),
                r.rows().stream().map(LawRecommendationRow::of).toList());
    }
}
