package dev.moeadvisor.web.ui.plan;

import dev.moeadvisor.web.ui.shared.FieldView;
import dev.moeadvisor.web.ui.shared.FormErrors;
import dev.moeadvisor.web.ui.shared.FormFields;
import dev.moeadvisor.web.ui.shared.GpuBudgetView;
import dev.moeadvisor.web.ui.shared.NumberFormats;
import dev.moeadvisor.web.ui.shared.Option;

import dev.moeadvisor.plan.EvidenceBounds;
import dev.moeadvisor.plan.PlanRequest;

import java.util.List;

/**
 * Everything the plan form shows: the model select, the budget, the constraints in groups, the user's text with a
 * message next to each refused field, a summary of those messages, and a page-level alert (an infeasible budget, a
 * model not ready yet). Hints show the planner's defaults, read from a default {@link PlanRequest}.
 *
 * @param models         the loss-model select
 * @param modelError     the message for the model select, or {@code null}
 * @param budgetCompute  radio: compute given as FLOPs
 * @param budgetGpu      radio: compute given as GPUs
 * @param computeFlops   compute C
 * @param gpu            the GPU budget inputs
 * @param budgetError    an error about the budget as a whole, or {@code null}
 * @param data           unique tokens and the epochs limit
 * @param size           memory cap, fixed total parameters and its tolerance
 * @param architecture   sequence, vocabulary, experts, top-k, widths and dense layers
 * @param sharedExpert   the shared-expert box is ticked
 * @param evidence       the evidence bounds (advanced)
 * @param evidenceWidened an evidence bound was typed, so the advanced fieldset opens
 * @param alert          a page-level message, or {@code null}
 * @param errorSummary   every field message, in form order (empty under an alert, which already says it)
 * @param shapeRules     attention kind, GQA group, MoE layer step, shared expert width
 */
public record PlanFormPage(List<Option> models, String modelError, Option budgetCompute, Option budgetGpu,
                           FieldView computeFlops, GpuBudgetView gpu, String budgetError, List<FieldView> data,
                           List<FieldView> size, List<FieldView> architecture, boolean sharedExpert,
                           List<FieldView> evidence, boolean evidenceWidened, Alert alert,
                           List<FormFields.SummaryItem> errorSummary, ShapeRulesView shapeRules) {

    /**
     * A message about the whole submission.
     *
     * @param title headline
     * @param text  what happened and what to do
     */
    public record Alert(String title, String text) {
    }

    private static final PlanRequest DEFAULTS = PlanRequest.builder(1e22, PlanRequest.AMPLE).build();

    static PlanFormPage of(PlanForm form, FormErrors errors, List<Option> models, Alert alert) {
        FormFields f = new FormFields(errors);
        f.label("model", "Loss model");
        f.label("budget", "Compute budget");
        FieldView compute = f.field("computeFlops", "Training compute C (FLOPs)", "e.g. 1e23, 2.5e21",
                form.computeFlops());
        GpuBudgetView gpu = form.gpuFields().view(f);
        PlanRequest d = DEFAULTS;
        EvidenceBounds e = d.bounds();
        List<FieldView> data = List.of(
                f.field("uniqueTokens", "Unique tokens U", "e.g. 10T; blank: ample (no repetition)",
                        form.uniqueTokens()),
                f.field("maxEpochs", "Max epochs", "default " + NumberFormats.sig(d.maxEpochs()), form.maxEpochs()));
        List<FieldView> size = List.of(
                f.field("maxTotalParams", "Memory cap: max total params", "e.g. 100B; blank: none",
                        form.maxTotalParams()),
                f.field("fixedTotalParams", "Fixed total params", "equal-resources question; blank: free",
                        form.fixedTotalParams()),
                f.field("fixedTotalParamsTolerance", "Tolerance", "default "
                        + NumberFormats.percent(d.fixedTotalParamsTolerance()), form.fixedTotalParamsTolerance()));
        List<FieldView> architecture = List.of(
                f.field("seqLen", "Sequence length S", "default " + d.seqLen(), form.seqLen()),
                f.field("vocabSize", "Vocabulary V", "default " + d.vocabSize(), form.vocabSize()),
                f.field("maxExperts", "Max routed experts E", "default " + d.maxExperts(), form.maxExperts()),
                f.field("expertParallelDegree", "EP degree", "E divisible by it; default " + d.expertParallelDegree(),
                        form.expertParallelDegree()),
                f.field("minTopK", "Min top-k", "default " + d.minTopK(), form.minTopK()),
                f.field("maxTopK", "Max top-k", "default " + d.maxTopK(), form.maxTopK()),
                f.field("dModelMultiple", "d_model multiple", "default " + d.dModelMultiple(), form.dModelMultiple()),
                f.field("dExpertMultiple", "d_expert multiple", "default " + d.dExpertMultiple(),
                        form.dExpertMultiple()),
                f.field("minDenseLayers", "Min dense first layers", "default " + d.minDenseLayers(),
                        form.minDenseLayers()),
                f.field("maxDenseLayers", "Max dense first layers", "default " + d.maxDenseLayers(),
                        form.maxDenseLayers()));
        f.label("sharedExpert", "Shared expert");
        ShapeRulesView rules = ShapeRulesView.of(form, f, d);
        List<FieldView> evidence = List.of(
                f.field("minActivationRatio", "Min activation ratio A", "default "
                        + NumberFormats.percent(e.minActivationRatio()) + " (1/128)", form.minActivationRatio()),
                f.field("minGranularity", "Min granularity G", "default " + NumberFormats.sig(e.minGranularity()),
                        form.minGranularity()),
                f.field("maxGranularity", "Max granularity G", "default " + NumberFormats.sig(e.maxGranularity()),
                        form.maxGranularity()),
                f.field("minAspectRatio", "Min d_model/L", "default " + NumberFormats.sig(e.minAspectRatio()),
                        form.minAspectRatio()),
                f.field("maxAspectRatio", "Max d_model/L", "default " + NumberFormats.sig(e.maxAspectRatio()),
                        form.maxAspectRatio()));
        String kind = form.budgetKind();
        Boolean shared = form.sharedExpertChecked();
        boolean widened = evidence.stream().anyMatch(v -> !v.value().isBlank() || v.invalid());
        return new PlanFormPage(models, f.error("model"),
                new Option(PlanForm.BUDGET_COMPUTE, "FLOPs", PlanForm.BUDGET_COMPUTE.equals(kind)),
                new Option(PlanForm.BUDGET_GPU, "GPUs", PlanForm.BUDGET_GPU.equals(kind)),
                compute, gpu, f.error("budget"), data, size, architecture,
                shared == null ? d.sharedExpert() : shared, evidence, widened, alert,
                alert == null ? f.summary() : List.of(), rules);
    }
}
