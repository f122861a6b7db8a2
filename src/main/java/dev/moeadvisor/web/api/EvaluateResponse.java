package dev.moeadvisor.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.moeadvisor.law.ComputeOptimum;
import dev.moeadvisor.law.HyperParameters;
import dev.moeadvisor.service.Evaluation;
import dev.moeadvisor.shape.ShapeMetrics;

import java.util.List;

/**
 * {@code POST /api/v1/evaluate} answer. Parameter counts are non-embedding unless the name says otherwise;
 * {@code granularity} is null for a dense model.
 */
public record EvaluateResponse(
        ShapeRequest shape,
        boolean moe,
        double totalParams,
        double activeParams,
        double embeddingParams,
        double totalParamsWithEmbeddings,
        double activeParamsWithEmbeddings,
        FlopsPerToken flopsPerToken,
        ActivationRatio activationRatio,
        Double granularity,
        double computeFlops,
        double tokens,
        Double gpuHours,
        String budgetGivenAs,
        Leverage efficiencyLeverage,
        double denseEquivalentComputeFlops,
        ComputeOptimal computeOptimal,
        HyperParameterSets hyperParameters,
        List<String> warnings,
        ParamCountsDto counts,
        List<dev.moeadvisor.envelope.Outside> outside,
        @JsonInclude(JsonInclude.Include.NON_NULL) LawFamilyDto lawFamily) {

    /** Forward and training ({@code 3 × forward}) FLOPs per token. */
    public record FlopsPerToken(double forward, double training) {}

    /** The three activation-ratio conventions: Ling's A, k/E, and N_active/N_total. */
    public record ActivationRatio(double ling, double routed, double params) {}

    /** EL with the law that produced it. */
    public record Leverage(double value, String law, boolean extrapolated, CitationDto citation) {}

    /** One compute-optimal allocation. */
    public record Optimum(String law, double flopsPerToken, double tokens, double impliedParams, boolean extrapolated,
                          CitationDto citation) {
        static Optimum of(ComputeOptimum o) {
            return new Optimum(o.lawId(), o.flopsPerToken(), o.tokens(), o.impliedParams(), o.extrapolated(),
                    CitationDto.of(o.citation()));
        }
    }

    /** Ling Table 1 at this compute, for an MoE and for a dense model. */
    public record ComputeOptimal(Optimum moe, Optimum dense) {}

    /** One hyper-parameter recommendation. */
    public record HyperParameterSet(String law, double learningRate, double batchTokens, boolean extrapolated,
                                    CitationDto citation) {
        static HyperParameterSet of(HyperParameters h) {
            return new HyperParameterSet(h.lawId(), h.learningRate(), h.batchTokens(), h.extrapolated(),
                    CitationDto.of(h.citation()));
        }
    }

    /** Both hyper-parameter laws side by side. */
    public record HyperParameterSets(HyperParameterSet ling, HyperParameterSet step) {}

    public static EvaluateResponse of(Evaluation e) {
        return of(e, null);
    }

    /** With a law family's verdict on the same shape and budget ({@code model} a family id), else {@code null}. */
    public static EvaluateResponse of(Evaluation e, LawFamilyDto lawFamily) {
        ShapeMetrics m = e.metrics();
        return new EvaluateResponse(ShapeRequest.of(e.shape()), e.shape().isMoe(), m.totalParams(), m.activeParams(),
                m.embeddingParams(), m.totalParamsWithEmbeddings(), m.activeParamsWithEmbeddings(),
                new FlopsPerToken(m.flopsPerTokenForward(), m.flopsPerTokenTraining()),
                new ActivationRatio(m.activationRatioLing(), m.activationRatioRouted(), m.activationRatioParams()),
                Double.isNaN(m.granularity()) ? null : m.granularity(),
                e.budget().computeFlops(), e.budget().tokens(),
                Double.isNaN(e.budget().gpuHours()) ? null : e.budget().gpuHours(), e.budget().givenAs(),
                new Leverage(e.efficiencyLeverage(), e.elLaw().citation().key(), e.elExtrapolated(),
                        CitationDto.of(e.elLaw().citation())),
                e.denseEquivalentComputeFlops(),
                new ComputeOptimal(Optimum.of(e.moeOptimum()), Optimum.of(e.denseOptimum())),
                new HyperParameterSets(HyperParameterSet.of(e.lingHyperParameters()),
                        HyperParameterSet.of(e.stepHyperParameters())),
                e.warnings(), ParamCountsDto.of(m, e.shape().mtpModules() > 0),
                e.outside(), lawFamily);
    }
}
