package dev.moeadvisor.web.api;

import dev.moeadvisor.plan.AllocationCheck;
import dev.moeadvisor.plan.BoundCheck;
import dev.moeadvisor.plan.DenseComparison;
import dev.moeadvisor.plan.PairedGap;
import dev.moeadvisor.plan.TrainingSchedule;
import dev.moeadvisor.plan.PlanResult;
import dev.moeadvisor.plan.PlanWarning;
import dev.moeadvisor.service.LossModelChoice;
import dev.moeadvisor.service.SavedPlan;

import java.time.OffsetDateTime;
import dev.moeadvisor.law.family.ShapeVerdicts;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/plan} and {@code GET /api/v1/plans/{id}} answer. Intervals are the 2.5–97.5 percentiles
 * over the fit's bootstrap models (null for published coefficients, which carry none). {@code recommended.moe} is
 * false when under the model MoE does not pay at this budget and the dense model is recommended ({@code bestMoe}
 * is then the MoE it was compared with); {@code pairedUncertainty} compares shapes model by model and says
 * {@code indistinguishable} when an interval contains 0; {@code searchBounds} lists every search bound the
 * recommendation sits on and what relaxing it alone would gain; {@code training} is the one recommended learning
 * rate and batch. {@code advisorVersion} is the version of the advisor that computed the plan (a saved plan is
 * read back as computed, never recomputed). {@code hardware} (only with a GPU budget) echoes the GPUs and gives the
 * layout that fits, wall-clock hours and the leverage in GPU-hours. {@code shapeRules} echoes the attention kind,
 * GQA group, MoE layer step and shared-expert width the shapes were built with.
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
        boolean moeRecommended,
        String verdict,
        CandidateDto bestMoe,
        PairedDto pairedUncertainty,
        List<BoundCheck> searchBounds,
        AllocationDto allocation,
        TrainingDto training,
        String advisorVersion,
        List<dev.moeadvisor.envelope.Outside> outside,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        HardwareDto hardware,
        List<LawVerdictDto> lawFamilies,
        ShapeRulesDto shapeRules,
        LinksDto links) {

    /** Related resources: {@code lawRecommendations}, what each law recommends for this budget (computed on read). */
    public record LinksDto(String self, String page, String lawRecommendations) {
        static LinksDto of(long id) {
            return new LinksDto("/api/v1/plans/" + id, "/plans/" + id, "/api/v1/plans/" + id + "/laws");
        }
    }

    /**
     * The request's shape rules, echoed: {@code attention} {@code mha|gqa|mla}, {@code headsPerKvHead} (GQA group),
     * {@code moeLayerStep} (MoE every n-th layer), {@code sharedExpertTopKWide} ({@code d_shared = k·d_expert}).
     */
    public record ShapeRulesDto(String attention, int headsPerKvHead, int moeLayerStep, boolean sharedExpertTopKWide) {
        static ShapeRulesDto of(dev.moeadvisor.plan.PlanRequest q) {
            return new ShapeRulesDto(q.attention().id(), q.headsPerKvHead(), q.moeLayerStep(), q.sharedExpertTopKWide());
        }
    }

    /** {@link #verdict()} when the dense model is recommended. */
    public static final String MOE_DOES_NOT_PAY = "under this model MoE does not pay at this budget";

    /** A paired difference: point estimate, interval, share of bootstrap models favouring the recommendation. */
    public record GapDto(double difference, IntervalDto interval, double shareRecommendedBetter, String verdict) {
        static GapDto of(PairedGap g) {
            return new GapDto(g.difference(), new IntervalDto(g.interval().lower(), g.interval().upper()),
                    g.shareRecommendedBetter(), g.verdict());
        }
    }

    /**
     * Paired comparisons under the bootstrap models: {@code moeMinusDense} (best MoE minus dense baseline),
     * {@code alternatives} (each alternative minus the recommendation, in the order of {@code alternatives}) and the
     * share of models in which the recommendation's (E, k) stays the best of the returned shapes.
     */
    public record PairedDto(int models, GapDto moeMinusDense, List<GapDto> alternatives, double rankStability,
                            int rankedCandidates) {}

    /** Tokens against Ling's compute-optimal D (Table 1); beyond 2× the compute-optimal counterpart and its loss. */
    public record AllocationDto(double tokensPerActiveParam, double optimalTokens, String law, double ratio, boolean far,
                                CandidateDto computeOptimal, Double lossDifference) {}

    /** The one recommended learning rate and batch, why that law, the other law as a cross-check, and the steps. */
    public record TrainingDto(String law, String reason, double learningRate, long batchSequences, int seqLen,
                              double batchTokens, long steps, EvaluateResponse.HyperParameterSet crossCheck) {}

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
        double c = r.request().computeFlops();
        var u = r.uncertainty();
        DenseDto dense = r.dense().map(d -> dense(d, saved.model(), c, u.flatMap(x -> x.denseLoss())
                .map(i -> new IntervalDto(i.lower(), i.upper())).orElse(null))).orElse(null);
        return new PlanResponse(saved.id(), "/plans/" + saved.id(), "/api/v1/plans/" + saved.id(), saved.createdAt(),
                new ModelDto(saved.model().id(), saved.model().label(), saved.model().unit(),
                        saved.model().bootstrap().size()),
                r.request().computeFlops(),
                Double.isFinite(r.request().uniqueTokens()) ? r.request().uniqueTokens() : null,
                CandidateDto.of(r.recommended(), saved.model(), c),
                u.map(x -> new IntervalDto(x.recommendedLoss().lower(), x.recommendedLoss().upper())).orElse(null),
                u.map(x -> new IntervalDto(x.recommendedEl().lower(), x.recommendedEl().upper())).orElse(null),
                r.alternatives().stream().map(x -> CandidateDto.of(x, saved.model(), c)).toList(),
                dense,
                new EvaluateResponse.ComputeOptimal(EvaluateResponse.Optimum.of(r.moeOptimal()),
                        EvaluateResponse.Optimum.of(r.denseOptimal())),
                new EvaluateResponse.HyperParameterSets(EvaluateResponse.HyperParameterSet.of(r.lingHyperParameters()),
                        EvaluateResponse.HyperParameterSet.of(r.stepHyperParameters())),
                r.bindingConstraint(),
                new RejectionsDto(r.rejections().evaluated(), r.rejections().rejected(),
                        r.rejections().byConstraint(), r.rejections().betterByConstraint()),
                r.warnings(), r.rationale(), r.moeRecommended(), r.moeRecommended() ? "moe" : MOE_DOES_NOT_PAY,
                CandidateDto.of(r.bestMoe(), saved.model(), c),
                r.paired().map(p -> new PairedDto(p.models(), p.moeMinusDense().map(GapDto::of).orElse(null),
                        p.alternatives().stream().map(GapDto::of).toList(), p.rankStability(), p.rankedCandidates()))
                        .orElse(null),
                r.searchBounds(), allocation(r.allocation(), saved.model(), c), training(r.schedule()), saved.advisorVersion(),
                r.outside(), r.hardware().map(HardwareDto::of).orElse(null), lawFamilies(r),
                ShapeRulesDto.of(r.request()), LinksDto.of(saved.id()));
    }

    /** Every law family on the recommendation and each alternative, at the plan's compute (issue 13). */
    private static List<LawVerdictDto> lawFamilies(PlanResult r) {
        List<LawVerdictDto> out = new java.util.ArrayList<>();
        double c = r.request().computeFlops();
        out.add(LawVerdictDto.of(ShapeVerdicts.of("recommended", r.recommended().shape(), c)));
        for (int i = 0; i < r.alternatives().size(); i++) {
            out.add(LawVerdictDto.of(ShapeVerdicts.of("alternative " + (i + 1), r.alternatives().get(i).shape(), c)));
        }
        return List.copyOf(out);
    }

    private static AllocationDto allocation(AllocationCheck a, LossModelChoice model, double c) {
        return new AllocationDto(a.tokensPerActiveParam(), a.optimalTokens(), a.lawId(), a.ratio(), a.far(),
                a.computeOptimal().map(x -> CandidateDto.of(x, model, c)).orElse(null),
                Double.isFinite(a.lossDifference()) ? a.lossDifference() : null);
    }

    private static TrainingDto training(TrainingSchedule t) {
        return new TrainingDto(t.chosen().lawId(), t.reason(), t.learningRate(), t.batchSequences(), t.seqLen(),
                t.batchTokens(), t.steps(), EvaluateResponse.HyperParameterSet.of(t.crossCheck()));
    }

    private static DenseDto dense(DenseComparison d, LossModelChoice model, double c, IntervalDto interval) {
        return new DenseDto(CandidateDto.of(d.baseline(), model, c), d.lossGap(), d.computeToMatchByEl(),
                Double.isFinite(d.computeToMatchSolved()) ? d.computeToMatchSolved() : null, interval);
    }
}
