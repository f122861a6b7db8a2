package dev.moeadvisor.web.ui.plan;

import dev.moeadvisor.web.ui.shared.NumberFormats;

import dev.moeadvisor.service.PlanSummary;

import java.time.ZoneOffset;

/**
 * One row of the recent-plans page.
 *
 * @param plan         the service's summary
 * @param when         when it was made, UTC
 * @param uniqueTokens the unique tokens, or "ample"
 * @param url          its permalink
 */
public record RecentPlanRow(PlanSummary plan, String when, String uniqueTokens, String url) {

    static RecentPlanRow of(PlanSummary s) {
        return new RecentPlanRow(s, PlanView.WHEN.format(s.createdAt().atZoneSameInstant(ZoneOffset.UTC)),
                s.uniqueTokens() == null ? "ample" : NumberFormats.tokens(s.uniqueTokens()), "/plans/" + s.id());
    }
}
