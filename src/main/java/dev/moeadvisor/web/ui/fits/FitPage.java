package dev.moeadvisor.web.ui.fits;

import dev.moeadvisor.fit.FitParameter;
import dev.moeadvisor.fit.FitResult;
import dev.moeadvisor.law.Citation;
import dev.moeadvisor.law.MoeLossModel;
import dev.moeadvisor.service.FitRequest;
import dev.moeadvisor.service.FitView;
import dev.moeadvisor.service.LossModelRegistry;
import io.quarkus.qute.RawString;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One fit's page, or the published model's.
 *
 * @param id           the fit's id, or {@code ling-2025}
 * @param published    the published coefficients (no data, no intervals, no diagnostics)
 * @param dataset      the data set fitted, or {@code null}
 * @param metric       the metric fitted (the published model's unit, in words)
 * @param status       {@code DONE}, {@code RUNNING}, {@code FAILED}
 * @param running      still running: the page refreshes itself
 * @param failed       did not converge; {@code message} says why
 * @param done         finished with a result
 * @param progress     fraction done
 * @param message      why it failed, or {@code null}
 * @param isDefault    the default fit of the bundled runs
 * @param created      when it was asked for, or empty
 * @param selection    the runs asked for, in words
 * @param coefficients every coefficient next to its published value
 * @param result       the result (diagnostics), or {@code null}
 * @param chartData    the {@link FitChartData} as JSON, or {@code null}
 * @param citations    the published sources
 * @param warnings     what makes the result less reliable (refits that did not converge), in words
 * @param cancelled    cancelled before it finished; {@code message} says when
 * @param cancelUrl    the page asking to confirm cancelling this running fit, or {@code null} (not running, or the
 *                     default fit)
 */
public record FitPage(String id, boolean published, String dataset, String metric, String status, boolean running,
                      boolean failed, boolean done, double progress, String message, boolean isDefault,
                      String created, String selection, List<CoefficientRow> coefficients, FitResult result,
                      RawString chartData, List<Citation> citations, List<String> warnings,
                      boolean cancelled, String cancelUrl) {

    static final String RUNNING = "RUNNING";
    static final String FAILED = "FAILED";
    static final String CANCELLED = "CANCELLED";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    /** The fraction done in percent, one decimal, for the progress bar's {@code aria-valuenow}: {@code 42.5}. */
    public String progressPercent() {
        return Double.toString(Math.round(Math.max(0, Math.min(1, progress)) * 1000) / 10.0);
    }

    /** A bar width in percent, for the progress bar's style. */
    public String progressWidth() {
        return Math.round(Math.max(0, Math.min(1, progress)) * 1000) / 10.0 + "%";
    }

    static FitPage of(FitView v, MoeLossModel publishedModel, RawString chartData) {
        FitResult r = v.result();
        List<CoefficientRow> rows = r == null ? List.of()
                : CoefficientRow.all(r.coefficients(), r.intervals(), r.pinned(), publishedModel, true);
        return new FitPage(Long.toString(v.id()), false, v.request().dataset(), v.request().metric(), v.status(),
                RUNNING.equals(v.status()), FAILED.equals(v.status()), v.done(), v.progress(), v.message(),
                v.isDefault(), v.createdAt() == null ? "" : WHEN.format(v.createdAt()), selection(v.request()), rows,
                r, chartData, citations(publishedModel), r == null ? List.of() : warnings(r),
                CANCELLED.equals(v.status()), RUNNING.equals(v.status()) && !v.isDefault()
                        ? "/fits/" + v.id() + "/cancel" : null);
    }

    static FitPage published(MoeLossModel publishedModel) {
        Map<String, Double> values = MoeLossModel.COEFFICIENTS.stream().collect(Collectors.toMap(n -> n,
                n -> FitParameter.fromLabel(n).orElseThrow().valueIn(publishedModel)));
        return new FitPage(LossModelRegistry.PUBLISHED, true, null, publishedModel.dense().unit(), "DONE", false,
                false, true, 1.0, null, false, "", "",
                CoefficientRow.all(values, Map.of(), values, publishedModel, false), null, null,
                citations(publishedModel), List.of(), false, null);
    }

    private static List<String> warnings(FitResult r) {
        List<String> out = new ArrayList<>();
        int asked = r.options().bootstrapResamples();
        if (r.bootstrapFailures() > 0) {
            out.add(r.bootstrapFailures() + " of " + asked + " bootstrap refits did not converge; the intervals rest on "
                    + r.bootstrapModels().size() + " and may be too narrow or miss the point estimate. More runs, or "
                    + "pinning more coefficients, steadies them.");
        }
        if (r.leaveOneOutFailures() > 0) {
            out.add(r.leaveOneOutFailures() + " of " + r.runCount() + " leave-one-out refits did not converge; the "
                    + "held-out RMSE covers the others only.");
        }
        return List.copyOf(out);
    }

    private static List<Citation> citations(MoeLossModel publishedModel) {
        return List.of(publishedModel.el().citation(), publishedModel.dense().citation());
    }

    private static String selection(FitRequest r) {
        FitRequest.RunFilter f = r.filter();
        String tables = f.tables().isEmpty() ? "all tables"
                : "tables " + f.tables().stream().map(String::valueOf).collect(Collectors.joining(", "));
        String kinds = f.kinds().isEmpty() ? "moe and dense" : String.join(" and ", f.kinds());
        String ids = f.runIds().isEmpty() ? "" : "; runs " + String.join(", ", f.runIds());
        return "runs of metric " + r.metric() + ", " + tables + ", " + kinds + ids + "; seed " + r.seed() + ", "
                + r.bootstrap() + " bootstrap resamples";
    }
}
