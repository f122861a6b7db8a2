package dev.moeadvisor.web.api;

import dev.moeadvisor.budget.TrainingBudget;
import dev.moeadvisor.plan.EvidenceBounds;
import dev.moeadvisor.plan.IsoFlopExplorer;
import dev.moeadvisor.plan.PlanRequest;
import dev.moeadvisor.shape.ModelShape;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/explore}: a compute budget, unique tokens (absent = ample), an optional memory cap (total
 * parameters), optionally E ({@code experts}, one of the searched expert counts), k ({@code topK}) and G
 * ({@code granularity}, held within a quarter-octave) to fix, and the {@code model} as for plans ({@code default},
 * {@code ling-2025}, {@code ling-2025-epoch}, a fit's id). The search bounds ({@code maxExperts}, {@code maxTopK},
 * {@code minGranularity}, {@code maxGranularity}) default to the planner's evidence bounds and may be widened, within
 * the plan's work budget.
 */
public record ExploreRequest(
        @NotNull @Positive @DecimalMax("" + TrainingBudget.MAX_COMPUTE) Double computeFlops,
        @Positive @DecimalMax("" + TrainingBudget.MAX_TOKENS) Double uniqueTokens,
        @Positive @DecimalMax("1e16") Double maxTotalParams,
        @Min(2) @Max(ModelShape.MAX_EXPERTS) Integer experts,
        @Min(1) @Max(ModelShape.MAX_EXPERTS - 1) Integer topK,
        @Positive @DecimalMax("1024") Double granularity,
        @Size(max = 64) String model,
        @Min(2) @Max(ModelShape.MAX_EXPERTS) Integer maxExperts,
        @Min(1) @Max(ModelShape.MAX_EXPERTS - 1) Integer maxTopK,
        @Positive @DecimalMax("1024") Double minGranularity,
        @Positive @DecimalMax("1024") Double maxGranularity) {

    /** The budget and bounds as the planner takes them (its defaults for the rest); bad combinations name the field. */
    public PlanRequest toRequest() {
        PlanRequest.Builder b = PlanRequest.builder(computeFlops, uniqueTokens == null ? PlanRequest.AMPLE : uniqueTokens);
        if (maxTotalParams != null) {
            b.maxTotalParams(maxTotalParams);
        }
        if (maxExperts != null) {
            b.maxExperts(maxExperts);
        }
        if (maxTopK != null) {
            b.topK(PlanRequest.DEFAULT_MIN_TOP_K, maxTopK);
        }
        if (minGranularity != null || maxGranularity != null) {
            EvidenceBounds e = EvidenceBounds.EVIDENCE;
            b.bounds(new EvidenceBounds(e.minActivationRatio(),
                    minGranularity != null ? minGranularity : e.minGranularity(),
                    maxGranularity != null ? maxGranularity : e.maxGranularity(), e.minAspectRatio(),
                    e.maxAspectRatio()));
        }
        return b.build();
    }

    public IsoFlopExplorer.Fixes fixes() {
        return new IsoFlopExplorer.Fixes(experts, topK, granularity);
    }
}
