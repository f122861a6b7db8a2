package dev.moeadvisor.web.api;

import dev.moeadvisor.fit.FitPoint;
import dev.moeadvisor.fit.FitResult;
import dev.moeadvisor.fit.RunResidual;
import dev.moeadvisor.fit.FitParameter;
import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
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
        String citation,
        Map<String, PriorDto> priors,
        HeldOutDto heldOut,
        List<ElCheckDto> joint,
        List<SourceDto> sources) {

    /**
     * A data set joined with its own loss level: its own E, A_N, B_D in its unit ({@code metric}) with bootstrap
     * intervals, its priors, and its runs as the joint fit predicts them (α, β and EL are the fit's). Its MoE runs'
     * EL (implied by its losses, of the joint fit, without it) are in {@code joint}.
     */
    public record SourceDto(String dataset, String metric, Map<String, CoefficientDto> coefficients,
                            Map<String, PriorDto> priors, double rmse, List<HeldOutRunDto> residuals) {}

    /**
     * A joined source's EL observation: what it says (EL observed), what the joint fit gives there, and what the
     * refit without that source predicts (leave-one-source-out). Unitless: EL never carries a loss unit.
     */
    public record ElCheckDto(String dataset, String runId, double activationRatio, double granularity,
                             double computeFlops, Double observed, double fitted, Double withoutSource) {}

    /** A Gaussian prior the fit used: mean as the coefficient's value, sd on the fit's scale (log for E, A_N, B_D). */
    public record PriorDto(double mean, double sd) {}

    /**
     * The held-out test: runs of the data set and metric the fit's filter left out, predicted by the fit (for the
     * default fit, [ER] Tables 14–17 and the runs of Tables 9–13 outside its domain). {@code rmse} is over all of them;
     * {@code groups} splits it by why the fit never saw a run ({@code dev.moeadvisor.fit.HeldOutGroup}: the fitted
     * tables' runs the filter left out, {@code "Tables 9–13, not selected"}, apart from the other tables',
     * {@code "Tables 14–17"}).
     */
    public record HeldOutDto(int runs, Double rmse, List<HeldOutGroupDto> groups, List<HeldOutRunDto> residuals) {}

    /** One group of held-out runs and its RMSE in the fit's metric. */
    public record HeldOutGroupDto(String group, int runs, Double rmse) {}

    /** One held-out run: its group, observed, predicted by the fit that never saw it, and the difference. */
    public record HeldOutRunDto(String runId, String group, double observed, double predicted, double residual) {}

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
                    v.finishedAt(), null, null, null, null, null, null, null, null, null, null);
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
                residuals, r.model().el().citation().text(), priors(r), heldOut(r),
                r.elChecks().stream().map(c -> new ElCheckDto(c.source(), c.runId(), c.activationRatio(),
                        c.granularity(), c.computeFlops(), finite(c.observed()), c.fitted(), finite(c.withoutSource())))
                        .toList(), sources(r));
    }

    private static List<SourceDto> sources(FitResult r) {
        return r.sources().stream().map(s -> {
            Map<String, CoefficientDto> c = new LinkedHashMap<>();
            s.coefficients().forEach((name, value) -> {
                var i = s.intervals().get(name);
                c.put(name, new CoefficientDto(value, i == null ? null : i.lower(), i == null ? null : i.upper(),
                        s.pinned().contains(name)));
            });
            Map<String, PriorDto> priors = new LinkedHashMap<>();
            s.priors().forEach((name, p) -> priors.put(name, new PriorDto(p.mean(), p.sd())));
            return new SourceDto(s.dataset(), s.metric(), c, priors, s.rmse(), s.residuals().stream()
                    .map(x -> new HeldOutRunDto(x.runId(), s.dataset(), x.observed(), x.predicted(), x.residual()))
                    .toList());
        }).toList();
    }

    private static Map<String, PriorDto> priors(FitResult r) {
        Map<String, PriorDto> out = new LinkedHashMap<>();
        r.priors().forEach((name, p) -> out.put(name, new PriorDto(p.mean(), p.sd())));
        return out;
    }

    private static HeldOutDto heldOut(FitResult r) {
        List<HeldOutRunDto> rows = r.heldOut().stream().map(res -> new HeldOutRunDto(res.runId(),
                res.group() == null ? dev.moeadvisor.fit.HeldOutGroup.UNLABELLED : res.group(), res.observed(),
                res.predicted(), res.residual())).toList();
        List<HeldOutGroupDto> groups = r.heldOutByGroup().stream()
                .map(g -> new HeldOutGroupDto(g.group(), g.runs(), finite(g.rmse()))).toList();
        return new HeldOutDto(rows.size(), finite(r.heldOutRmse()), groups, rows);
    }

    /**
     * The published coefficients as a fit-like model: EL from Ling Table 2, dense from Chinchilla, each of the eleven
     * under the name a fit uses for it ({@link FitParameter#label()}: Chinchilla's data exponent is {@code beta},
     * Ling's granularity coefficient {@code betaG}), so none hides another.
     */
    public static FitDto published() {
        Map<String, CoefficientDto> coefficients = new LinkedHashMap<>();
        MoeLossModel model = new MoeLossModel(DenseLossLaw.CHINCHILLA, EfficiencyLeverageLaw.LING_2025);
        for (FitParameter p : FitParameter.values()) {
            coefficients.put(p.label(), new CoefficientDto(p.valueIn(model), null, null, true));
        }
        return new FitDto("ling-2025", "published", "DONE", 1, null, "/api/v1/fits/ling-2025", null,
                "loss (nats, MassiveText)", null, false, null, null, null, coefficients, List.copyOf(coefficients.keySet()),
                null, List.of(), "Ling, arXiv 2507.17702, Eq. 13 / Table 2; Hoffmann et al., arXiv 2203.15556", Map.of(),
                null, List.of(), List.of());
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
