package dev.moeadvisor.web.ui.plan;

import dev.moeadvisor.plan.AttentionKind;
import dev.moeadvisor.plan.PlanRequest;
import dev.moeadvisor.web.ui.shared.FieldView;
import dev.moeadvisor.web.ui.shared.FormFields;
import dev.moeadvisor.web.ui.shared.Option;

import java.util.List;

/**
 * The plan form's shape rules: the attention kind, the GQA group size, the MoE layer step and the shared expert's
 * width convention, each with the user's choice and its error.
 *
 * @param attention           {@code mha|gqa|mla} options
 * @param attentionError      the message for the attention select, or {@code null}
 * @param headsPerKvHead      query heads per key/value head (GQA)
 * @param moeLayerStep        MoE every n-th layer
 * @param sharedWidth         the shared expert's width convention ({@code false}: Ling's {@code d_expert},
 *                            {@code true}: [ER]'s {@code k·d_expert})
 * @param sharedWidthError    the message for that select, or {@code null}
 */
public record ShapeRulesView(List<Option> attention, String attentionError, FieldView headsPerKvHead,
                             FieldView moeLayerStep, List<Option> sharedWidth, String sharedWidthError) {

    static final String LING_WIDTH = "false";
    static final String ER_WIDTH = "true";

    static ShapeRulesView of(PlanForm form, FormFields f, PlanRequest defaults) {
        f.label("attention", "Attention");
        String chosen = blank(form.attention()) ? defaults.attention().id() : form.attention().trim();
        List<Option> attention = List.of(
                new Option(AttentionKind.GQA.id(), "Grouped-query (GQA)", AttentionKind.GQA.id().equalsIgnoreCase(chosen)),
                new Option(AttentionKind.MHA.id(), "Multi-head (MHA)",
                        AttentionKind.MHA.id().equalsIgnoreCase(chosen)),
                new Option(AttentionKind.MLA.id(), "Latent (MLA)", AttentionKind.MLA.id().equalsIgnoreCase(chosen)));
        FieldView group = f.field("headsPerKvHead", "Query heads per KV head (GQA)", "default "
                + defaults.headsPerKvHead() + " (Ling-mini-2.0: 16/4)", form.headsPerKvHead());
        FieldView step = f.field("moeLayerStep", "MoE every n-th layer", "default " + defaults.moeLayerStep()
                + " (every layer); 2 = alternate dense/MoE", form.moeLayerStep());
        f.label("sharedExpertTopKWide", "Shared expert width");
        boolean wide = ER_WIDTH.equalsIgnoreCase(blank(form.sharedExpertTopKWide())
                ? String.valueOf(defaults.sharedExpertTopKWide()) : form.sharedExpertTopKWide().trim());
        List<Option> width = List.of(
                new Option(LING_WIDTH, "d_expert (Ling)", !wide),
                new Option(ER_WIDTH, "k·d_expert (equal-resources)", wide));
        return new ShapeRulesView(attention, f.error("attention"), group, step, width, f.error("sharedExpertTopKWide"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
