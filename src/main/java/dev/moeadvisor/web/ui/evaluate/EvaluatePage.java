package dev.moeadvisor.web.ui.evaluate;

import dev.moeadvisor.web.ui.shared.FieldView;
import dev.moeadvisor.web.ui.shared.FormErrors;
import dev.moeadvisor.web.ui.shared.FormFields;
import dev.moeadvisor.web.ui.shared.GpuBudgetView;
import dev.moeadvisor.web.ui.shared.Option;

import dev.moeadvisor.shape.KnownShape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything the evaluate page shows: the model picker, the form with the user's text and a message next to each
 * refused field, a summary of those messages, and the result when there is one.
 *
 * @param models         the known-model picker
 * @param model          the id of the known model the form was loaded from (sent back with the form), or empty
 * @param backbone       attention and dense-FFN fields
 * @param experts        expert fields
 * @param tiedEmbeddings the tied-embeddings box is ticked
 * @param budgetCompute  radio: budget given as compute
 * @param budgetTokens   radio: budget given as tokens
 * @param budgetGpu      radio: budget given as GPUs
 * @param tokens         tokens D
 * @param computeFlops   compute C
 * @param gpu            the GPU budget inputs
 * @param budgetError    an error about the budget as a whole, or {@code null}
 * @param errorSummary   every message, in form order, for the top of the page
 * @param result         the evaluation, or {@code null}
 */
public record EvaluatePage(List<Option> models, String model, List<FieldView> backbone, List<FieldView> experts,
                           boolean tiedEmbeddings, Option budgetCompute, Option budgetTokens,
                           Option budgetGpu, FieldView tokens, FieldView computeFlops, GpuBudgetView gpu,
                           String budgetError, List<FormFields.SummaryItem> errorSummary, EvaluationView result) {

    /** A result with EL charts to draw (an MoE shape). */
    public boolean hasCharts() {
        return result != null && result.moe();
    }

    static EvaluatePage of(EvaluateForm form, FormErrors errors, List<KnownShape> known, EvaluationView result) {
        FormFields fields = new FormFields(errors);
        List<FieldView> backbone = shapeFields(form, fields, ShapeField.Group.BACKBONE);
        List<FieldView> experts = shapeFields(form, fields, ShapeField.Group.EXPERTS);
        FieldView tokens = fields.field("tokens", "Tokens D", "e.g. 1T, 300B", form.tokens());
        FieldView compute = fields.field("computeFlops", "Training compute C (FLOPs)", "e.g. 1e22, 2.5e21",
                form.computeFlops());
        GpuBudgetView gpu = form.gpuFields().view(fields);
        fields.label("budget", "Budget");

        String kind = form.budgetKind();
        Option byCompute = new Option(EvaluateForm.BUDGET_COMPUTE, "Compute", EvaluateForm.BUDGET_COMPUTE.equals(kind));
        Option byTokens = new Option(EvaluateForm.BUDGET_TOKENS, "Tokens", EvaluateForm.BUDGET_TOKENS.equals(kind));
        Option byGpu = new Option(EvaluateForm.BUDGET_GPU, "GPUs", EvaluateForm.BUDGET_GPU.equals(kind));

        List<Option> models = new ArrayList<>();
        boolean modelKnown = known.stream().anyMatch(k -> k.id().equals(form.model()));
        if (!modelKnown) {
            models.add(new Option("", "Choose a published model…", true));
        }
        known.forEach(k -> models.add(new Option(k.id(), k.name(), k.id().equals(form.model()))));

        return new EvaluatePage(List.copyOf(models), modelKnown ? form.model() : "", backbone, experts, form.tied(),
                byCompute, byTokens, byGpu, tokens, compute, gpu, fields.error("budget"), fields.summary(), result);
    }

    private static List<FieldView> shapeFields(EvaluateForm form, FormFields fields, ShapeField.Group group) {
        return Arrays.stream(ShapeField.values()).filter(f -> f.group() == group)
                .map(f -> fields.field(f.field(), f.label(), f.hint(), f.text(form))).toList();
    }
}
