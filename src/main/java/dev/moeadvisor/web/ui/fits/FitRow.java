package dev.moeadvisor.web.ui.fits;

import dev.moeadvisor.fit.FitResult;
import dev.moeadvisor.service.FitView;
import dev.moeadvisor.service.LossModelRegistry;

/**
 * One line of a list of fits.
 *
 * @param id        the fit's id ({@code ling-2025} for the published model)
 * @param href      its page
 * @param dataset   the data set's id, or empty for the published model
 * @param metric    the metric (the published model's unit, in words)
 * @param status    {@code DONE}, {@code RUNNING}, {@code FAILED}
 * @param running   still running
 * @param failed    did not converge
 * @param isDefault the default fit of the bundled runs
 * @param published the published coefficients, not a fit
 * @param runs      runs fitted, NaN when unknown
 * @param looRmse   held-out (leave-one-out) RMSE, NaN when unknown
 * @param progress  fraction done
 * @param cancelled cancelled before it finished
 */
public record FitRow(String id, String href, String dataset, String metric, String status, boolean running,
                     boolean failed, boolean isDefault, boolean published, double runs, double looRmse,
                     double progress, boolean cancelled) {

    public static FitRow of(FitView v) {
        FitResult r = v.result();
        return new FitRow(Long.toString(v.id()), "/fits/" + v.id(), v.request().dataset(), v.request().metric(),
                v.status(), FitPage.RUNNING.equals(v.status()), FitPage.FAILED.equals(v.status()), v.isDefault(),
                false, r == null ? Double.NaN : r.runCount(), r == null ? Double.NaN : r.leaveOneOutRmse(),
                v.progress(), FitPage.CANCELLED.equals(v.status()));
    }

    static FitRow published(String unit) {
        return new FitRow(LossModelRegistry.PUBLISHED, "/fits/" + LossModelRegistry.PUBLISHED, "", unit, "DONE",
                false, false, false, true, Double.NaN, Double.NaN, 1.0, false);
    }
}
