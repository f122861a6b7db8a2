package dev.moeadvisor.web.api;

import dev.moeadvisor.budget.BudgetException;
import dev.moeadvisor.budget.TrainingBudget;
import dev.moeadvisor.plan.AttentionKind;
import dev.moeadvisor.plan.EvidenceBounds;
import dev.moeadvisor.plan.Hardware;
import dev.moeadvisor.plan.PlanRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

/**
 * {@code POST /api/v1/plan}: a compute budget ({@code computeFlops} or {@code gpuBudget}), unique tokens (absent =
 * ample) and optional constraints; absent fields take the planner's documented defaults. {@code model}: the loss
 * model to rank with ({@code default} = the default fit of the bundled runs; {@code ling-2025},
 * {@code ling-2025-epoch}: the published EL law with the Chinchilla or Epoch dense law; or a fit's id).
 * With a {@code gpuBudget}, the plan keeps only shapes that fit its GPUs' memory under some parallel layout (memory
 * from the preset or {@code gpuBudget.memoryGb}; {@code training}: micro-batch, dtypes, ZeRO stage, recomputation)
 * and reports wall-clock times, the MoE's MFU being {@code mfu × moeMfuRatio} (default 0.8).
 * Shape rules: {@code attention} {@code mha|gqa|mla} (default {@code gqa} with {@code headsPerKvHead}, default 4),
 * {@code moeLayerStep} (MoE every n-th layer, default 1), {@code sharedExpertTopKWide} ({@code d_shared = k·d_expert},
 * [ER]'s convention, instead of Ling's {@code d_shared = d_expert}).
 */
public record PlanRequestDto(
        @Positive @DecimalMax("" + TrainingBudget.MAX_COMPUTE) Double computeFlops,
        @Valid GpuBudgetRequest gpuBudget,
        @Positive @DecimalMax("" + TrainingBudget.MAX_TOKENS) Double uniqueTokens,
        @Positive @DecimalMax("1e16") Double maxTotalParams,
        @Positive @DecimalMax("1e16") Double fixedTotalParams,
        @Positive @DecimalMax("1") Double fixedTotalParamsTolerance,
        @Positive @DecimalMax("1000") Double maxEpochs,
        @Min(1) @Max(1 << 24) Integer seqLen,
        @Min(1) @Max(1 << 24) Integer vocabSize,
        @Min(1) @Max(1 << 16) Integer maxExperts,
        @Min(1) @Max(1 << 16) Integer expertParallelDegree,
        @Min(1) @Max(1 << 16) Integer minTopK,
        @Min(1) @Max(1 << 16) Integer maxTopK,
        Boolean sharedExpert,
        @Min(64) @Max(1 << 16) Integer dModelMultiple,
        @Min(1) @Max(1 << 16) Integer dExpertMultiple,
        @Min(0) @Max(PlanRequest.MAX_DENSE_LAYERS) Integer minDenseLayers,
        @Min(0) @Max(PlanRequest.MAX_DENSE_LAYERS) Integer maxDenseLayers,
        @Positive @DecimalMax("1") Double minActivationRatio,
        @Positive @DecimalMax("1024") Double minGranularity,
        @Positive @DecimalMax("1024") Double maxGranularity,
        @Positive @DecimalMax("100000") Double minAspectRatio,
        @Positive @DecimalMax("100000") Double maxAspectRatio,
        @Min(0) @Max(PlanRequest.MAX_ALTERNATIVES) Integer alternatives,
        String model,
        @Min(1) @Max(1024) Integer headsPerKvHead,
        Boolean sharedExpertTopKWide,
        @Positive @DecimalMax("2") Double moeMfuRatio,
        @Valid TrainingSetupRequest training,
        String attention,
        @Min(1) @Max(PlanRequest.MAX_MOE_LAYER_STEP) Integer moeLayerStep) {

    /** The fields before {@code attention} and {@code moeLayerStep} (GQA at the default ratio, every layer MoE). */
    public PlanRequestDto(Double computeFlops, GpuBudgetRequest gpuBudget, Double uniqueTokens, Double maxTotalParams,
                          Double fixedTotalParams, Double fixedTotalParamsTolerance, Double maxEpochs, Integer seqLen,
                          Integer vocabSize, Integer maxExperts, Integer expertParallelDegree, Integer minTopK,
                          Integer maxTopK, Boolean sharedExpert, Integer dModelMultiple, Integer dExpertMultiple,
                          Integer minDenseLayers, Integer maxDenseLayers, Double minActivationRatio,
                          Double minGranularity, Double maxGranularity, Double minAspectRatio, Double maxAspectRatio,
                          Integer alternatives, String model, Integer headsPerKvHead, Boolean sharedExpertTopKWide,
                          Double moeMfuRatio, TrainingSetupRequest training) {
        this(computeFlops, gpuBudget, uniqueTokens, maxTotalParams, fixedTotalParams, fixedTotalParamsTolerance,
                maxEpochs, seqLen, vocabSize, maxExperts, expertParallelDegree, minTopK, maxTopK, sharedExpert,
                dModelMultiple, dExpertMultiple, minDenseLayers, maxDenseLayers, minActivationRatio, minGranularity,
                maxGranularity, minAspectRatio, maxAspectRatio, alternatives, model, headsPerKvHead,
                sharedExpertTopKWide, moeMfuRatio, training, null, null);
    }

    /** The fields before {@code headsPerKvHead} and {@code sharedExpertTopKWide} (both left at their defaults). */
    public PlanRequestDto(Double computeFlops, GpuBudgetRequest gpuBudget, Double uniqueTokens, Double maxTotalParams,
                          Double fixedTotalParams, Double fixedTotalParamsTolerance, Double maxEpochs, Integer seqLen,
                          Integer vocabSize, Integer maxExperts, Integer expertParallelDegree, Integer minTopK,
                          Integer maxTopK, Boolean sharedExpert, Integer dModelMultiple, Integer dExpertMultiple,
                          Integer minDenseLayers, Integer maxDenseLayers, Double minActivationRatio,
                          Double minGranularity, Double maxGranularity, Double minAspectRatio, Double maxAspectRatio,
                          Integer alternatives, String model) {
        this(computeFlops, gpuBudget, uniqueTokens, maxTotalParams, fixedTotalParams, fixedTotalParamsTolerance,
                maxEpochs, seqLen, vocabSize, maxExperts, expertParallelDegree, minTopK, maxTopK, sharedExpert,
                dModelMultiple, dExpertMultiple, minDenseLayers, maxDenseLayers, minActivationRatio, minGranularity,
                maxGranularity, minAspectRatio, maxAspectRatio, alternatives, model, null, null, null, null, null,
                null);
    }

    /** The fields before {@code moeMfuRatio} and {@code training}. */
    public PlanRequestDto(Double computeFlops, GpuBudgetRequest gpuBudget, Double uniqueTokens, Double maxTotalParams,
                          Double fixedTotalParams, Double fixedTotalParamsTolerance, Double maxEpochs, Integer seqLen,
                          Integer vocabSize, Integer maxExperts, Integer expertParallelDegree, Integer minTopK,
                          Integer maxTopK, Boolean sharedExpert, Integer dModelMultiple, Integer dExpertMultiple,
                          Integer minDenseLayers, Integer maxDenseLayers, Double minActivationRatio,
                          Double minGranularity, Double maxGranularity, Double minAspectRatio, Double maxAspectRatio,
                          Integer alternatives, String model, Integer headsPerKvHead, Boolean sharedExpertTopKWide) {
        this(computeFlops, gpuBudget, uniqueTokens, maxTotalParams, fixedTotalParams, fixedTotalParamsTolerance,
                maxEpochs, seqLen, vocabSize, maxExperts, expertParallelDegree, minTopK, maxTopK, sharedExpert,
                dModelMultiple, dExpertMultiple, minDenseLayers, maxDenseLayers, minActivationRatio, minGranularity,
                maxGranularity, minAspectRatio, maxAspectRatio, alternatives, model, headsPerKvHead,
                sharedExpertTopKWide, null, null, null, null);
    }

    /** The compute budget: exactly one of {@code computeFlops} and {@code gpuBudget}. */
    public double compute() {
        if ((computeFlops == null) == (gpuBudget == null)) {
            throw new BudgetException("budget", computeFlops == null
                    ? "give computeFlops or gpuBudget" : "give only one of computeFlops and gpuBudget");
        }
        return computeFlops != null ? computeFlops : gpuBudget.toBudget().computeFlops();
    }

    /** The planner's request, defaults filled in; a bad combination throws a field-named exception. */
    public PlanRequest toRequest() {
        PlanRequest r = toRequest(compute(), uniqueTokens == null ? PlanRequest.AMPLE : uniqueTokens);
        if (gpuBudget == null) {
            return r;
        }
        Hardware h = new Hardware(gpuBudget.toBudget(), gpuBudget.memory(),
                moeMfuRatio != null ? moeMfuRatio : Hardware.DEFAULT_MOE_MFU_RATIO,
                TrainingSetupRequest.toSetup(training, r.seqLen()), gpuBudget.price());
        return r.toBuilder().hardware(h).build();
    }

    /** The same constraints for another budget (sweeps). */
    public PlanRequest toRequest(double compute, double unique) {
        PlanRequest.Builder b = PlanRequest.builder(compute, unique);
        if (maxTotalParams != null) b.maxTotalParams(maxTotalParams);
        if (fixedTotalParams != null) {
            b.fixedTotalParams(fixedTotalParams, fixedTotalParamsTolerance != null
                    ? fixedTotalParamsTolerance : PlanRequest.DEFAULT_TOLERANCE);
        }
        if (maxEpochs != null) b.maxEpochs(maxEpochs);
        if (seqLen != null) b.seqLen(seqLen);
        if (vocabSize != null) b.vocabSize(vocabSize);
        if (maxExperts != null) b.maxExperts(maxExperts);
        if (expertParallelDegree != null) b.expertParallelDegree(expertParallelDegree);
        if (minTopK != null || maxTopK != null) {
            b.topK(minTopK != null ? minTopK : PlanRequest.DEFAULT_MIN_TOP_K,
                    maxTopK != null ? maxTopK : PlanRequest.DEFAULT_MAX_TOP_K);
        }
        if (sharedExpert != null) b.sharedExpert(sharedExpert);
        if (dModelMultiple != null) b.dModelMultiple(dModelMultiple);
        if (dExpertMultiple != null) b.dExpertMultiple(dExpertMultiple);
        if (minDenseLayers != null || maxDenseLayers != null) {
            b.denseLayers(minDenseLayers != null ? minDenseLayers : 0,
                    maxDenseLayers != null ? maxDenseLayers : PlanRequest.DEFAULT_MAX_DENSE_LAYERS);
        }
        EvidenceBounds e = EvidenceBounds.EVIDENCE;
        if (minActivationRatio != null || minGranularity != null || maxGranularity != null
                || minAspectRatio != null || maxAspectRatio != null) {
            b.bounds(new EvidenceBounds(or(minActivationRatio, e.minActivationRatio()),
                    or(minGranularity, e.minGranularity()), or(maxGranularity, e.maxGranularity()),
                    or(minAspectRatio, e.minAspectRatio()), or(maxAspectRatio, e.maxAspectRatio())));
        }
        if (alternatives != null) b.alternatives(alternatives);
        if (headsPerKvHead != null) b.headsPerKvHead(headsPerKvHead);
        if (sharedExpertTopKWide != null) b.sharedExpertTopKWide(sharedExpertTopKWide);
        if (attention != null && !attention.isBlank()) b.attention(AttentionKind.parse(attention));
        if (moeLayerStep != null) b.moeLayerStep(moeLayerStep);
        return b.build();
    }

    private static double or(Double x, double fallback) {
        return x != null ? x : fallback;
    }
}
