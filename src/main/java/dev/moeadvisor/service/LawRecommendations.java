package dev.moeadvisor.service;

import dev.moeadvisor.envelope.EvidenceEnvelope;
import dev.moeadvisor.envelope.Outside;
import dev.moeadvisor.plan.Candidate;

import java.util.List;
import java.util.Optional;

/**
 * What each law recommends for one saved plan's budget: the plan's own recommendation under its model, then the plan
 * re-run with the same request under Ling's published law ({@code ling-2025}) and under each published law family
 * (each ranked by its own loss, {@code dev.moeadvisor.plan.FamilyPlanner}), every law once.
 *
 * @param planId        the plan
 * @param computeFlops  its compute
 * @param rows          one per law, the plan's model first
 */
public record LawRecommendations(long planId, double computeFlops, List<Row> rows) {

    public LawRecommendations {
        rows = List.copyOf(rows);
    }

    /**
     * One law's recommendation.
     *
     * @param model       the model id (a law family's id, {@code ling-2025}, {@code default} or a fit's id)
     * @param name        for people
     * @param unit        its loss unit
     * @param planModel   true for the plan's own model (its row is the plan's recommendation as stored)
     * @param recommended its recommendation at the plan's budget; empty when no shape satisfies the request under it
     * @param outside     the axes on which the recommendation lies outside the law's fitted ranges (families) or its
     *                    model's evidence (fits, {@code ling-2025}), by the one rule, in words
     * @param infeasible  why nothing was recommended (when {@code recommended} is empty), else {@code null}
     */
    public record Row(String model, String name, String unit, boolean planModel, Optional<Candidate> recommended,
                      List<Outside> outside, String infeasible) {

        public Row {
            outside = List.copyOf(outside);
        }

        /** Every axis in range. */
        public boolean inRange() {
            return outside.isEmpty();
        }

        /** The axes outside, in words; empty when in range. */
        public String outsideInWords() {
            return EvidenceEnvelope.words(outside);
        }
    }
}
