package dev.moeadvisor.web.ui.evaluate;

import dev.moeadvisor.web.ui.shared.FormErrors;
import dev.moeadvisor.web.ui.shared.FormNumbers;
import dev.moeadvisor.web.ui.shared.GpuBudgetFields;

import dev.moeadvisor.shape.KnownShape;
import dev.moeadvisor.web.api.EvaluateRequest;
import dev.moeadvisor.web.api.ShapeRequest;
import org.jboss.resteasy.reactive.RestForm;


/**
 * The evaluate form as the user typed it: every value is text, so that it can be shown back unchanged when it is
 * refused. {@link #toRequest} reads it into the JSON API's {@link EvaluateRequest}, whose Bean Validation and
 * domain checks then apply unchanged.
 *
 * <p>The budget is one of three kinds, named as in {@code TrainingBudget.givenAs()}: {@code tokens},
 * {@code computeFlops} or {@code gpuBudget}; only the fields of the chosen kind are read. {@code gpu} is a
 * {@code Gpu} preset name or {@value #CUSTOM_GPU}, in which case {@code peakFlops} is read.
 */
public record EvaluateForm(
        @RestForm String model,
        @RestForm String vocabSize,
        @RestForm String seqLen,
        @RestForm String layers,
        @RestForm String denseLayers,
        @RestForm String dModel,
        @RestForm String heads,
        @RestForm String kvHeads,
        @RestForm String headDim,
        @RestForm String dFfn,
        @RestForm String experts,
        @RestForm String topK,
        @RestForm String sharedExperts,
        @RestForm String dExpert,
        @RestForm String dShared,
        @RestForm String tiedEmbeddings,
        @RestForm String budget,
        @RestForm String tokens,
        @RestForm String computeFlops,
        @RestForm String gpu,
        @RestForm String peakFlops,
        @RestForm String gpuCount,
        @RestForm String gpuHours,
        @RestForm String mfu) {

    static final String CUSTOM_GPU = GpuBudgetFields.CUSTOM_GPU;
    static final String BUDGET_TOKENS = "tokens";
    static final String BUDGET_COMPUTE = "computeFlops";
    static final String BUDGET_GPU = "gpuBudget";

    /** The form filled with a published shape and a default budget of 1e22 FLOPs (or 1024 H100 for 30 days). */
    static EvaluateForm prefilled(KnownShape known) {
        ShapeRequest s = ShapeRequest.of(known.shape());
        return new EvaluateForm(known.id(), text(s.vocabSize()), text(s.seqLen()), text(s.layers()),
                text(s.denseLayers()), text(s.dModel()), text(s.heads()), text(s.kvHeads()), text(s.headDim()),
                text(s.dFfn()), text(s.experts()), text(s.topK()), text(s.sharedExperts()), text(s.dExpert()),
                text(s.dShared()), Boolean.TRUE.equals(s.tiedEmbeddings()) ? "on" : null,
                BUDGET_COMPUTE, "1T", "1e22", "H100", "", "1024", "720", "35%");
    }

    /** The form that evaluates {@code shape} trained on {@code tokens} tokens (a plan's candidate, say). */
    public static EvaluateForm of(dev.moeadvisor.shape.ModelShape shape, double tokens) {
        ShapeRequest s = ShapeRequest.of(shape);
        return new EvaluateForm("", text(s.vocabSize()), text(s.seqLen()), text(s.layers()), text(s.denseLayers()),
                text(s.dModel()), text(s.heads()), text(s.kvHeads()), text(s.headDim()), text(s.dFfn()),
                text(s.experts()), text(s.topK()), text(s.sharedExperts()), text(s.dExpert()), text(s.dShared()),
                Boolean.TRUE.equals(s.tiedEmbeddings()) ? "on" : null, BUDGET_TOKENS, Long.toString(Math.round(tokens)),
                null, null, null, null, null, null);
    }

    /** This form's evaluation page, scrolled to its result. */
    public String permalink() {
        return EvaluatePageResource.RESULT + "?" + dev.moeadvisor.web.ui.shared.FormQuery.of(forPermalink()) + "#result";
    }

    /** The form field that shows an error the API names {@code apiField} ({@code shape.topK} → {@code topK}). */
    static String formFieldOf(String apiField) {
        if (apiField.startsWith("shape.")) {
            return apiField.substring("shape.".length());
        }
        return GpuBudgetFields.formFieldOf(apiField);
    }

    /** This form as its permalink keeps it: the inputs of the budget kinds not chosen are left out. */
    EvaluateForm forPermalink() {
        String kind = budgetKind();
        boolean gpuKind = BUDGET_GPU.equals(kind);
        return new EvaluateForm(model, vocabSize, seqLen, layers, denseLayers, dModel, heads, kvHeads, headDim, dFfn,
                experts, topK, sharedExperts, dExpert, dShared, tied() ? "on" : null, kind,
                BUDGET_TOKENS.equals(kind) ? tokens : null, BUDGET_COMPUTE.equals(kind) ? computeFlops : null,
                gpuKind ? gpu : null, gpuKind && CUSTOM_GPU.equals(gpu) ? peakFlops : null, gpuKind ? gpuCount : null,
                gpuKind ? gpuHours : null, gpuKind ? mfu : null);
    }

    /** The GPU budget inputs. */
    GpuBudgetFields gpuFields() {
        return new GpuBudgetFields(gpu, peakFlops, gpuCount, gpuHours, mfu);
    }

    /** Whether the tied-embeddings box is ticked. */
    boolean tied() {
        return tiedEmbeddings != null && !tiedEmbeddings.isBlank();
    }

    /** The chosen budget kind ({@code computeFlops} when none was chosen). */
    String budgetKind() {
        return budget == null || budget.isBlank() ? BUDGET_COMPUTE : budget;
    }

    /**
     * The API request this form spells. Text that is not a number is reported in {@code errors} and read as
     * absent, so that validation can still report the other fields.
     */
    EvaluateRequest toRequest(FormErrors errors) {
        Reader r = new Reader(this, new FormNumbers(errors));
        ShapeRequest shape = new ShapeRequest(r.whole(ShapeField.VOCAB_SIZE), r.whole(ShapeField.SEQ_LEN),
                r.whole(ShapeField.LAYERS), r.whole(ShapeField.DENSE_LAYERS), r.whole(ShapeField.D_MODEL),
                r.whole(ShapeField.HEADS), r.whole(ShapeField.KV_HEADS), r.whole(ShapeField.HEAD_DIM),
                r.whole(ShapeField.D_FFN), r.whole(ShapeField.EXPERTS), r.whole(ShapeField.TOP_K),
                r.whole(ShapeField.SHARED_EXPERTS), r.whole(ShapeField.D_EXPERT), r.whole(ShapeField.D_SHARED),
                tied());
        return switch (budgetKind()) {
            case BUDGET_TOKENS -> new EvaluateRequest(shape, r.number("tokens", tokens), null, null);
            case BUDGET_GPU -> new EvaluateRequest(shape, null, null, gpuFields().toRequest(r.numbers()));
            default -> new EvaluateRequest(shape, null, r.number("computeFlops", computeFlops), null);
        };
    }

    private static String text(Integer x) {
        return x == null ? "" : Integer.toString(x);
    }

    /** Reads the shape fields and the budget's numbers. */
    private record Reader(EvaluateForm form, FormNumbers numbers) {

        Integer whole(ShapeField f) {
            return numbers.whole(f.field(), f.text(form));
        }

        Double number(String field, String text) {
            return numbers.number(field, text);
        }
    }
}
