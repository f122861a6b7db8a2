package dev.moeadvisor.web.ui.evaluate;

import dev.moeadvisor.web.ui.shared.FormErrors;

import dev.moeadvisor.budget.BudgetInput;
import dev.moeadvisor.shape.KnownShape;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.web.api.EvaluateRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluateFormTest {

    private static final ModelShape MIXTRAL = ModelShape.builder().vocabSize(32000).seqLen(32768).layers(32)
            .dModel(4096).heads(32).kvHeads(8).headDim(128).experts(8).topK(2).dExpert(14336).build();

    private static EvaluateForm mixtral() {
        return EvaluateForm.prefilled(new KnownShape("mixtral-8x7b", "Mixtral 8x7B", "", "", null, MIXTRAL, null));
    }

    private static FormErrors errors() {
        return new FormErrors(EvaluateForm::formFieldOf);
    }

    @Test
    void aPrefilledFormReadsBackToItsShapeAndBudget() {
        FormErrors errors = errors();
        EvaluateRequest request = mixtral().toRequest(errors);
        assertTrue(errors.isEmpty());
        assertEquals(MIXTRAL, request.shape().toShape());
        assertEquals(new BudgetInput(null, 1e22, null), request.budget());
    }

    @Test
    void unreadableTextIsReportedAgainstItsFieldAndReadAsAbsent() {
        EvaluateForm f = mixtral();
        EvaluateForm bad = new EvaluateForm(f.model(), f.vocabSize(), "32k", "abc", f.denseLayers(), f.dModel(),
                f.heads(), f.kvHeads(), "2.5", f.dFfn(), f.experts(), f.topK(), f.sharedExperts(), f.dExpert(),
                f.dShared(), null, "tokens", "ten", f.computeFlops(), f.gpu(), f.peakFlops(), f.gpuCount(),
                f.gpuHours(), f.mfu());
        FormErrors errors = errors();
        EvaluateRequest request = bad.toRequest(errors);
        assertEquals(32000, request.shape().seqLen());
        assertNull(request.shape().layers());
        assertNull(request.tokens());
        assertTrue(errors.messageFor("layers").startsWith("is not a number"));
        assertEquals("must be a whole number", errors.messageFor("headDim"));
        assertTrue(errors.messageFor("tokens").startsWith("is not a number"));
        assertNull(errors.messageFor("computeFlops"), "fields of the budget kinds not chosen are not read");
    }

    @Test
    void aGpuBudgetReadsPresetOrCustomPeak() {
        EvaluateForm f = mixtral();
        EvaluateForm custom = new EvaluateForm(f.model(), f.vocabSize(), f.seqLen(), f.layers(), f.denseLayers(),
                f.dModel(), f.heads(), f.kvHeads(), f.headDim(), f.dFfn(), f.experts(), f.topK(), f.sharedExperts(),
                f.dExpert(), f.dShared(), null, "gpuBudget", f.tokens(), f.computeFlops(), "custom", "1P", "1k",
                "24", "40%");
        EvaluateRequest request = custom.toRequest(errors());
        assertNull(request.gpuBudget().gpu());
        assertEquals(1e15, request.gpuBudget().peakFlops());
        assertEquals(1000, request.gpuBudget().count());
        assertEquals(0.4, request.gpuBudget().mfu(), 1e-15);

        EvaluateForm preset = new EvaluateForm(f.model(), f.vocabSize(), f.seqLen(), f.layers(), f.denseLayers(),
                f.dModel(), f.heads(), f.kvHeads(), f.headDim(), f.dFfn(), f.experts(), f.topK(), f.sharedExperts(),
                f.dExpert(), f.dShared(), null, "gpuBudget", f.tokens(), f.computeFlops(), "H100", "garbage", "1k",
                "24", "40%");
        FormErrors errors = errors();
        assertEquals("H100", preset.toRequest(errors).gpuBudget().gpu());
        assertTrue(errors.isEmpty(), "the custom peak is not read with a preset");
    }

    @Test
    void apiFieldPathsMapToFormFields() {
        assertEquals("topK", EvaluateForm.formFieldOf("shape.topK"));
        assertEquals("gpuCount", EvaluateForm.formFieldOf("gpuBudget.count"));
        assertEquals("mfu", EvaluateForm.formFieldOf("gpuBudget.mfu"));
        assertEquals("budget", EvaluateForm.formFieldOf("gpuBudget"));
        assertEquals("computeFlops", EvaluateForm.formFieldOf("computeFlops"));
        assertEquals("budget", EvaluateForm.formFieldOf("budget"));
    }
}
