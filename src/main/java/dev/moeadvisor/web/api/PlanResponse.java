package dev.moeadvisor.web.api;

import dev.moeadvisor.plan.DenseComparison;
import dev.moeadvisor.plan.PlanResult;
import dev.moeadvisor.plan.PlanWarning;
import dev.moeadvisor.service.SavedPlan;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/plan} and {@code GET /api/v1/plans/{id}} answer. Intervals are the 2.5–97.5 percentiles
 * over the fit's bootstrap models (null for published coefficients, which carry none).
 */
public record PlanResponse(
        long id,
        String permalink,
        String url,
        OffsetDateTime createdAt,
        ModelDto model,
        double computeFlops,
        Double uniqueTokens,
        CandidateDto recommended,
        IntervalDto predictedLossInterval,
        IntervalDto efficiencyLeverageInterval,
        List<CandidateDto> alternatives,
        DenseDto denseBaseline,
        EvaluateResponse.ComputeOptimal computeOptimal,
        EvaluateResponse.HyperParameterSets hyperParameters,
        String bindingConstraint,
        RejectionsDto rejections,
        List<PlanWarning> warnings,
        List<String> rationale,
        List<dev.moeadvisor.envelope.Outside> outside) {

    /** The loss model the plan was ranked with. */
    public record ModelDto(String id, String label, String unit, int bootstrapModels) {}

    /** A percentile interval. */
    public record IntervalDto(double low, double high) {}

    /** The dense baseline and what it would need to match the MoE. */
    public record DenseDto(CandidateDto shape, double lossGap, double computeToMatchByEl, Double computeToMatchSolved,
                           IntervalDto predictedLossInterval) {}

    /** What the search rejected and why. */
    public record RejectionsDto(long evaluated, long rejected, Map<String, Long> byConstraint,
                                Map<String, Long> betterShapesHeldBackBy) {}

    public static PlanResponse of(SavedPlan saved) {
        PlanResult r = saved.result();
        var u = r.uncertainty();
        DenseDto dense = r.dense().map(d -> dense(d, u.flatMap(x -> x.denseLoss())
                .map(i -> new IntervalDto(i.lower(), i.upper())).orElse(null))).orElse(null);
        return new PlanResponse(saved.id(), "/plans/" + saved.id(), "/api/v1/plans/" + saved.id(), saved.createdAt(),
                new ModelDto(saved.model().id(), saved.model().label(), saved.model().unit(),
                        saved.model().bootstrap().size()),
                r.request().computeFlops(),
                Double.isFinite(r.request().uniqueTokens()) ? r.request().uniqueTokens() : null,
                CandidateDto.of(r.recommended()),
                u.map(x -> new IntervalDto(x.recommendedLoss().lower(), x.recommendedLoss().upper())).orElse(null),
                u.map(x -> new IntervalDto(x.recommendedEl().lower(), x.recommendedEl().upper())).orElse(null),
                r.alternatives().stream().map(CandidateDto::of).toList(),
                dense,
                new EvaluateResponse.ComputeOptimal(EvaluateResponse.Optimum.of(r.moeOptimal()),
                        EvaluateResponse.Optimum.of(r.denseOptimal())),
                new EvaluateResponse.HyperParameterSets(EvaluateResponse.HyperParameterSet.of(r.lingHyperParameters()),
                        EvaluateResponse.HyperParameterSet.of(r.stepHyperParameters())),
                r.bindingConstraint(),
                new RejectionsDto(r.rejections().evaluated(), r.rejections().rejected(),
                        r.rejections().byConstraint(), r.rejections().betterByConstraint()),
                r.warnings(), r.rationale(), r.outside());
    }

    private static DenseDto dense(DenseComparison d, IntervalDto interval) {
        return new DenseDto(CandidateDto.of(d.baseline()), d.lossGap(), d.computeToMatchByEl(),
                Double.isFinite(d.computeToMatchSolved()) ? d.computeToMatchSolved() : null, interval);
    }
}
