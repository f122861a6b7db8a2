package dev.moeadvisor.web.api;

import dev.moeadvisor.fit.FitPoint;
import dev.moeadvisor.fit.FitResult;
import dev.moeadvisor.fit.RunResidual;
import dev.moeadvisor.law.LawDescription;
import dev.moeadvisor.service.FitRequest;
import dev.moeadvisor.service.FitView;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fit as the API shows it. While it runs only the status fields are set; once done, its coefficients with
 * bootstrap intervals, diagnostics and residuals per run. {@code ling-2025} is the published Ling EL law with
 * the Chinchilla dense law, shown the same way (no intervals or diagnostics: the paper gives none).
 */
public record FitDto(
        String id,
        String kind,
        String status,
        double progress,
        String message,
        String statusUrl,
        String dataset,
        String metric,
        FitRequest request,
        boolean isDefault,
        OffsetDateTime createdAt,
        OffsetDateTime finishedAt,
        Integer runCount,
        Map<String, CoefficientDto> coefficients,
        List<String> pinned,
        Diagnostics diagnostics,
        List<ResidualDto> residuals,
        String citation) {

    /** A coefficient, its 95% bootstrap interval (null when pinned or without bootstrap) and whether pinned. */
    public record CoefficientDto(double value, Double lower, Double upper, boolean pinned) {}

    /** Fit quality. */
    public record Diagnostics(double objective, double rmse, double maxAbsError, Double leaveOneOutRmse,
                              int leaveOneOutFailures, int iterations, int startsTried, int startsConverged,
                              int bootstrapModels, int bootstrapFailures, long seed, String runsHash) {}

    /** One run's observed and predicted metric, with what the residual plots need. */
    public record ResidualDto(String runId, String kind, double activationRatio, Double granularity, double observed,
                              double predicted, double residual, Double looPredicted) {}

    public static FitDto of(FitView v) {
        FitResult r = v.result();
        String url = "/api/v1/fits/" + v.id();
        if (r == null) {
            return new FitDto(Long.toString(v.id()), "fit", v.status(), v.progress(), v.message(), url,
                    v.request().dataset(), v.request().metric(), v.request(), v.isDefault(), v.createdAt(),
                    v.finishedAt(), null, null, null, null, null, null);
        }
        Map<String, CoefficientDto> coefficients = new LinkedHashMap<>();
        r.coefficients().forEach((name, value) -> {
            var i = r.intervals().get(name);
            coefficients.put(name, new CoefficientDto(value, i == null ? null : i.lower(), i == null ? null : i.upper(),
                    r.pinned().containsKey(name)));
        });
        List<ResidualDto> residuals = new ArrayList<>();
        for (int i = 0; i < r.residuals().size(); i++) {
            RunResidual res = r.residuals().get(i);
            FitPoint p = v.points().get(i);
            residuals.add(new ResidualDto(res.runId(), p.isMoe() ? "moe" : "dense", p.activationRatio(),
                    finite(p.granularity()), res.observed(), res.predicted(), res.residual(), finite(res.looPredicted())));
        }
        return new FitDto(Long.toString(v.id()), "fit", v.status(), v.progress(), v.message(), url,
                v.request().dataset(), v.request().metric(), v.request(), v.isDefault(), v.createdAt(),
                v.finishedAt(), r.runCount(), coefficients, List.copyOf(r.pinned().keySet()),
                new Diagnostics(r.objective(), r.rmse(), r.maxAbsError(), finite(r.leaveOneOutRmse()),
                        r.leaveOneOutFailures(), r.iterations(), r.startsTried(), r.startsConverged(),
                        r.bootstrapModels().size(), r.bootstrapFailures(), r.options().seed(), r.dataHash()),
                residuals, r.model().el().citation().text());
    }

    /** The published coefficients as a fit-like model: EL from Ling Table 2, dense from Chinchilla. */
    public static FitDto published() {
        Map<String, CoefficientDto> coefficients = new LinkedHashMap<>();
        LawDescription.published().stream().filter(d -> d.id().equals("chinchilla-2022") || d.id().equals("ling-2025"))
                .forEach(d -> d.coefficients().forEach((k, val) -> coefficients.put(k, new CoefficientDto(val, null, null, true))));
        return new FitDto("ling-2025", "published", "DONE", 1, null, "/api/v1/fits/ling-2025", null,
                "loss (nats, MassiveText)", null, false, null, null, null, coefficients, List.copyOf(coefficients.keySet()),
                null, List.of(), "Ling, arXiv 2507.17702, Eq. 13 / Table 2; Hoffmann et al., arXiv 2203.15556");
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
