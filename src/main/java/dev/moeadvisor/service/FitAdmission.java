package dev.moeadvisor.service;

import dev.moeadvisor.fit.FitOptions;
import dev.moeadvisor.fit.FitProblem;
import dev.moeadvisor.fit.FitWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Admission of fits: what leave-one-out a request gets, and whether its work ({@link FitWork}: runs × (starts +
 * resamples + LOO refits)) fits under {@code advisor.fit.max-work}. Checked after the concurrency slot was taken
 * (a cheap check first) and before the fit runs; a refusal names the fields to reduce and by how much.
 */
@ApplicationScoped
public class FitAdmission {

    public static final Set<String> LOO_MODES = Set.of("full", "subsample", "none");

    @Inject
    AdvisorConfig config;

    /** An unknown leave-one-out mode is a field error; null (automatic) passes. */
    void checkMode(String looMode) {
        if (looMode != null && !LOO_MODES.contains(looMode)) {
            throw new InvalidFitRequestException("looMode", "must be full, subsample or none");
        }
    }

    /**
     * The options with the request's leave-one-out: {@code none}, {@code full}, {@code subsample}
     * ({@code advisor.fit.loo-sample} runs), or, when null, full up to {@code advisor.fit.loo-full-max-runs} runs
     * and subsample above.
     */
    FitOptions withLeaveOneOut(FitOptions options, String looMode, int runs) {
        String mode = looMode != null ? looMode.toLowerCase(Locale.ROOT)
                : runs <= config.fit().looFullMaxRuns() ? "full" : "subsample";
        return switch (mode) {
            case "none" -> options.withLeaveOneOut(false).withLeaveOneOutSample(0);
            case "subsample" -> options.withLeaveOneOut(true).withLeaveOneOutSample(config.fit().looSample());
            default -> options.withLeaveOneOut(true).withLeaveOneOutSample(0);
        };
    }

    /** @throws FitTooLargeException when the fit's work exceeds {@code advisor.fit.max-work} */
    void admit(FitProblem problem) {
        FitOptions o = problem.options();
        int runs = problem.points().size();
        long work = FitWork.of(o, runs);
        long max = config.fit().maxWork();
        if (work <= max) {
            return;
        }
        int loo = FitWork.leaveOneOutRefits(o, runs);
        Map<String, String> fields = new LinkedHashMap<>();
        long resamples = max / runs - o.startGridSize() - loo;
        fields.put("bootstrap", resamples >= 0
                ? "at most " + resamples + " resamples fit under the limit with these " + runs + " runs"
                : "even without resamples these " + runs + " runs exceed the limit");
        fields.put("filter", "select fewer runs: at most " + mostRuns(o, max) + " fit under the limit with these options");
        if (loo > 0) {
            fields.put("looMode", "'none' saves " + runs + " × " + loo + " = " + (long) runs * loo
                    + (o.leaveOneOutSample() == 0 ? "; 'subsample' refits " + config.fit().looSample() + " runs only" : ""));
        }
        throw new FitTooLargeException("this fit needs " + work + " run-optimisations (" + runs + " runs × ("
                + o.startGridSize() + " starts + " + o.bootstrapResamples() + " resamples + " + loo
                + " leave-one-out refits)); the limit (advisor.fit.max-work) is " + max, fields);
    }

    /** The most runs whose fit with these options stays under {@code max} (work grows with the run count). */
    private static int mostRuns(FitOptions o, long max) {
        int lo = 0;
        int hi = 1_000_000;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (FitWork.of(o, mid) <= max) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
