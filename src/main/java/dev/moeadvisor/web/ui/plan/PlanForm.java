package dev.moeadvisor.web.ui.plan;

import dev.moeadvisor.web.ui.shared.FormErrors;
import dev.moeadvisor.web.ui.shared.FormNumbers;
import dev.moeadvisor.web.ui.shared.GpuBudgetFields;

import dev.moeadvisor.service.LossModelRegistry;
import dev.moeadvisor.web.api.PlanRequestDto;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;

/**
 * The plan form as the user typed it: every value is text, so that it can be shown back unchanged when refused.
 * {@link #toDto} reads it into the JSON API's {@link PlanRequestDto}; its Bean Validation, its mapping onto the
 * planner's request (defaults included) and the request's own checks then apply unchanged.
 *
 * <p>The compute budget is {@value #BUDGET_COMPUTE} (FLOPs) or {@value #BUDGET_GPU} (the shared
 * {@link GpuBudgetFields}); only the chosen kind is read. Form inputs carry the API's field names.
 *
 * <p>{@code sharedExpert} is a checkbox preceded by a hidden input of the same name ({@value #UNCHECKED}): a page
 * submission always sends {@value #UNCHECKED} and, when ticked, {@value #CHECKED}; a post without the field at
 * all keeps the planner's default.
 */
public record PlanForm(
        @RestForm String model,
        @RestForm String budget,
        @RestForm String computeFlops,
        @RestForm String gpu,
        @RestForm String peakFlops,
        @RestForm String gpuCount,
        @RestForm String gpuHours,
        @RestForm String mfu,
        @RestForm String uniqueTokens,
        @RestForm String maxTotalParams,
        @RestForm String fixedTotalParams,
        @RestForm String fixedTotalParamsTolerance,
        @RestForm String maxEpochs,
        @RestForm String seqLen,
        @RestForm String vocabSize,
        @RestForm String maxExperts,
        @RestForm String expertParallelDegree,
        @RestForm String minTopK,
        @RestForm String maxTopK,
        @RestForm List<String> sharedExpert,
        @RestForm String dModelMultiple,
        @RestForm String dExpertMultiple,
        @RestForm String minDenseLayers,
        @RestForm String maxDenseLayers,
        @RestForm String minActivationRatio,
        @RestForm String minGranularity,
        @RestForm String maxGranularity,
        @RestForm String minAspectRatio,
        @RestForm String maxAspectRatio,
        @RestForm String attention,
        @RestForm String headsPerKvHead,
        @RestForm String moeLayerStep,
        @RestForm String sharedExpertTopKWide) {

    static final String BUDGET_COMPUTE = "computeFlops";
    static final String BUDGET_GPU = "gpuBudget";
    static final String UNCHECKED = "off";
    static final String CHECKED = "on";

    /** The blank form: 1e22 FLOPs (or 1024 H100 for 30 days at 35% MFU), ample data, the default fit. */
    static PlanForm initial() {
        return new PlanForm(LossModelRegistry.DEFAULT, BUDGET_COMPUTE, "1e22", "H100", "", "1024", "720", "35%", "",
                "", "", "", "", "", "", "", "", "", "", List.of(UNCHECKED, CHECKED), "", "", "", "", "", "", "", "", "", "", "", "", "");
    }

    /** The form input that shows an error the API names {@code apiField} ({@code gpuBudget.count} → {@code gpuCount}). */
    static String formFieldOf(String apiField) {
        return GpuBudgetFields.formFieldOf(apiField);
    }

    /** The GPU budget inputs. */
    GpuBudgetFields gpuFields() {
        return new GpuBudgetFields(gpu, peakFlops, gpuCount, gpuHours, mfu);
    }

    /** The chosen budget kind ({@value #BUDGET_COMPUTE} when none was chosen). */
    String budgetKind() {
        return BUDGET_GPU.equals(budget) ? BUDGET_GPU : BUDGET_COMPUTE;
    }

    /** The shared-expert box: ticked, unticked, or (not posted) {@code null} for the planner's default. */
    Boolean sharedExpertChecked() {
        if (sharedExpert == null || sharedExpert.isEmpty()) {
            return null;
        }
        return sharedExpert.contains(CHECKED);
    }

    /**
     * The API request this form spells. Text that is not a number is reported in {@code errors} and read as
     * absent, so that validation can still report the other fields.
     */
    PlanRequestDto toDto(FormErrors errors) {
        FormNumbers n = new FormNumbers(errors);
        boolean byGpu = BUDGET_GPU.equals(budgetKind());
        return new PlanRequestDto(
                byGpu ? null : n.number("computeFlops", computeFlops),
                byGpu ? gpuFields().toRequest(n) : null,
                n.number("uniqueTokens", uniqueTokens),
                n.number("maxTotalParams", maxTotalParams),
                n.number("fixedTotalParams", fixedTotalParams),
                n.number("fixedTotalParamsTolerance", fixedTotalParamsTolerance),
                n.number("maxEpochs", maxEpochs),
                n.whole("seqLen", seqLen),
                n.whole("vocabSize", vocabSize),
                n.whole("maxExperts", maxExperts),
                n.whole("expertParallelDegree", expertParallelDegree),
                n.whole("minTopK", minTopK),
                n.whole("maxTopK", maxTopK),
                sharedExpertChecked(),
                n.whole("dModelMultiple", dModelMultiple),
                n.whole("dExpertMultiple", dExpertMultiple),
                n.whole("minDenseLayers", minDenseLayers),
                n.whole("maxDenseLayers", maxDenseLayers),
                n.number("minActivationRatio", minActivationRatio),
                n.number("minGranularity", minGranularity),
                n.number("maxGranularity", maxGranularity),
                n.number("minAspectRatio", minAspectRatio),
                n.number("maxAspectRatio", maxAspectRatio),
                null,
                model == null || model.isBlank() ? LossModelRegistry.DEFAULT : model.trim(),
                n.whole("headsPerKvHead", headsPerKvHead),
                sharedWidth(errors),
                null,
                null,
                attention == null || attention.isBlank() ? null : attention.trim(),
                n.whole("moeLayerStep", moeLayerStep));
    }

    /** The shared-expert width select: {@code true} ([ER]'s k·d_expert), {@code false} (Ling's), blank = default. */
    private Boolean sharedWidth(FormErrors errors) {
        if (sharedExpertTopKWide == null || sharedExpertTopKWide.isBlank()) {
            return null;
        }
        String t = sharedExpertTopKWide.trim();
        if (ShapeRulesView.ER_WIDTH.equalsIgnoreCase(t) || ShapeRulesView.LING_WIDTH.equalsIgnoreCase(t)) {
            return Boolean.valueOf(t.toLowerCase(java.util.Locale.ROOT));
        }
        errors.add("sharedExpertTopKWide", "choose d_expert (Ling) or k·d_expert (equal-resources paper)");
        return null;
    }
}
