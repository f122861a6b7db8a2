package dev.moeadvisor.web.ui.plan;

import dev.moeadvisor.law.family.MoeLawFamily;
import dev.moeadvisor.plan.FamilyPlanner;
import dev.moeadvisor.service.SavedPlan;

/**
 * The law family a plan was ranked by, for the sentences of the plan page that differ under a family (where its
 * recommendation lies outside, what the dense match means, that the search bounds were not probed).
 *
 * @param name            the law's name, e.g. "Krajewski et al."
 * @param boundsNotProbed the one wording of the unprobed bounds ({@link FamilyPlanner#BOUNDS_NOT_PROBED})
 */
public record RankingLaw(String name, String boundsNotProbed) {

    /** The plan's law family; {@code null} for a plan ranked by a loss model (the template tests it with {@code #if}). */
    static RankingLaw of(SavedPlan saved) {
        return saved.model().law().map(RankingLaw::of).orElse(null);
    }

    static RankingLaw of(MoeLawFamily law) {
        return new RankingLaw(law.name(), FamilyPlanner.BOUNDS_NOT_PROBED);
    }
}
