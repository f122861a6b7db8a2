package dev.moeadvisor.service;

import dev.moeadvisor.fit.FitPoint;
import dev.moeadvisor.fit.FitResult;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A stored fit: its request, its status while it runs, and once done its result and the fitted points
 * (activation ratio, granularity, ... per run, for residual plots).
 *
 * @param id         the fit's id
 * @param request    what was asked (defaults filled in)
 * @param isDefault  the default fit of the bundled runs
 * @param status     {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param progress   fraction done, in [0, 1]
 * @param message    why it failed, or null
 * @param createdAt  when it was asked for
 * @param finishedAt when it ended, or null
 * @param result     the result once done, else null
 * @param points     the fitted runs once done, in the residuals' order, else empty
 */
public record FitView(long id, FitRequest request, boolean isDefault, String status, double progress, String message,
                      OffsetDateTime createdAt, OffsetDateTime finishedAt, FitResult result, List<FitPoint> points) {

    public boolean done() {
        return "DONE".equals(status);
    }
}
