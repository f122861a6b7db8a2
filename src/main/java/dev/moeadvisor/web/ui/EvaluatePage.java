package dev.moeadvisor.web.ui;

import dev.moeadvisor.budget.Gpu;
import dev.moeadvisor.shape.KnownShape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
 * @param gpus           GPU presets and "custom"
 * @param peakFlops      custom peak FLOP/s per GPU
 * @param gpuCount       number of GPUs
 * @param gpuHours       wall-clock hours
 * @param mfu            model FLOPs utilisation
 * @param budgetError    an error about the budget as a whole, or {@code null}
 * @param errorSummary   every message, in form order, for the top of the page
 * @param result         the evaluation, or {@code null}
 */
public record EvaluatePage(List<Option> models, String model, List<FieldView> backbone, List<FieldView> experts,
                           boolean tiedEmbeddings, Option budgetCompute, Option budgetTokens,
                           Option budgetGpu, FieldView tokens, FieldView computeFlops,
                           List<Option> gpus, FieldView peakFlops, FieldView gpuCount, FieldView gpuHours,
                           FieldView mfu, String budgetError, List<SummaryItem> errorSummary, EvaluationView result) {

    /** One line of the error summary, linking to its input. */
    public record SummaryItem(String anchor, String label, String message) {
    }

    /** A result with EL charts to draw (an MoE shape). */
    public boolean hasCharts() {
        return result != null && result.moe();
    }

    static EvaluatePage of(EvaluateForm form, FormErrors errors, List<KnownShape> known, EvaluationView result) {
        Map<String, String> labels = new LinkedHashMap<>();
        List<FieldView> backbone = shapeFields(form, errors, ShapeField.Group.BACKBONE, labels);
        List<FieldView> experts = shapeFields(form, errors, ShapeField.Group.EXPERTS, labels);
        FieldView tokens = field("tokens", "Tokens D", "e.g. 1T, 300B", form.tokens(), errors, labels);
        FieldView compute = field("computeFlops", "Training compute C (FLOPs)", "e.g. 1e22, 2.5e21",
                form.computeFlops(), errors, labels);
        String gpu = form.gpu() == null ? "" : form.gpu();
        List<Option> gpus = Stream.concat(
                Arrays.stream(Gpu.values()).map(g -> new Option(g.name(),
                        g.label() + " (" + NumberFormats.sci(g.peakFlops()) + " FLOP/s)", g.name().equals(gpu))),
                Stream.of(new Option(EvaluateForm.CUSTOM_GPU, "Custom peak FLOP/s", EvaluateForm.CUSTOM_GPU.equals(gpu))))
                .toList();
        FieldView peak = field("peakFlops", "Peak FLOP/s per GPU (custom)", "dense BF16, e.g. 989T", form.peakFlops(),
                errors, labels);
        FieldView count = field("gpuCount", "GPUs", "", form.gpuCount(), errors, labels);
        FieldView hours = field("gpuHours", "Hours", "wall clock", form.gpuHours(), errors, labels);
        FieldView mfu = field("mfu", "MFU", "e.g. 0.35 or 35%", form.mfu(), errors, labels);
        labels.put("gpu", "GPU");
        labels.put("budget", "Budget");

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

        List<String> formOrder = List.copyOf(labels.keySet());
        List<SummaryItem> summary = errors.messages().entrySet().stream()
                .sorted(Comparator.comparingInt(e -> order(formOrder, e.getKey())))
                .map(e -> new SummaryItem("f-" + e.getKey(), labels.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                .toList();
        return new EvaluatePage(List.copyOf(models), modelKnown ? form.model() : "", backbone, experts, form.tied(),
                byCompute, byTokens, byGpu, tokens, compute, gpus, peak, count, hours, mfu,
                errors.messageFor("budget"), summary, result);
    }

    private static int order(List<String> formOrder, String field) {
        int i = formOrder.indexOf(field);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static List<FieldView> shapeFields(EvaluateForm form, FormErrors errors, ShapeField.Group group,
                                               Map<String, String> labels) {
        return Arrays.stream(ShapeField.values()).filter(f -> f.group() == group)
                .map(f -> field(f.field(), f.label(), f.hint(), f.text(form), errors, labels)).toList();
    }

    private static FieldView field(String name, String label, String hint, String value, FormErrors errors,
                                   Map<String, String> labels) {
        labels.put(name, label);
        return new FieldView(name, label, hint, value == null ? "" : value, errors.messageFor(name));
    }
}
