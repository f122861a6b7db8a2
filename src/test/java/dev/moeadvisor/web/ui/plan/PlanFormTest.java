package dev.moeadvisor.web.ui.plan;

import dev.moeadvisor.web.ui.shared.FormErrors;

import dev.moeadvisor.plan.PlanRequest;
import dev.moeadvisor.web.api.PlanRequestDto;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan form read into the API's request: human numbers, blanks as defaults, the chosen budget kind only. */
class PlanFormTest {

    private static FormErrors errors() {
        return new FormErrors(PlanForm::formFieldOf);
    }

    private static PlanForm with(String budget, String compute, String unique, String memory, String tolerance,
                                 List<String> shared) {
        PlanForm i = PlanForm.initial();
        return new PlanForm("ling-2025", budget, compute, i.gpu(), i.peakFlops(), i.gpuCount(), i.gpuHours(), i.mfu(),
                unique, memory, "30B", tolerance, "", "", "", "", "", "", "", shared, "", "", "", "", "", "", "", "",
                "", "", "", "", "");
    }

    private static PlanForm withRules(String attention, String group, String step, String width) {
        PlanForm i = PlanForm.initial();
        return new PlanForm("ling-2025", i.budget(), "1e21", i.gpu(), i.peakFlops(), i.gpuCount(), i.gpuHours(),
                i.mfu(), "", "", "", "", "", "", "", "", "", "", "", i.sharedExpert(), "", "", "", "", "", "", "", "",
                "", attention, group, step, width);
    }

    @Test
    void theShapeRuleInputsReachTheRequest() {
        FormErrors e = errors();
        PlanRequest r = withRules("MLA", "", "2", "true").toDto(e).toRequest();
        assertTrue(e.isEmpty(), () -> e.messages().toString());
        assertEquals(dev.moeadvisor.plan.AttentionKind.MLA, r.attention());
        assertEquals(2, r.moeLayerStep());
        assertTrue(r.sharedExpertTopKWide());
        PlanRequest g = withRules("gqa", "8", "", "false").toDto(errors()).toRequest();
        assertEquals(dev.moeadvisor.plan.AttentionKind.GQA, g.attention());
        assertEquals(8, g.headsPerKvHead());
        assertEquals(1, g.moeLayerStep());
        assertEquals(false, g.sharedExpertTopKWide());
    }

    @Test
    void aBadShapeRuleIsNamed() {
        FormErrors e = errors();
        PlanRequestDto dto = withRules("", "four", "", "wide").toDto(e);
        assertEquals(java.util.Set.of("headsPerKvHead", "sharedExpertTopKWide"), e.messages().keySet());
        dev.moeadvisor.plan.PlanRequestException x = org.junit.jupiter.api.Assertions.assertThrows(
                dev.moeadvisor.plan.PlanRequestException.class,
                () -> withRules("sparse", "", "", "").toDto(errors()).toRequest());
        assertEquals("attention", x.field());
        assertNotNull(dto);
    }

    @Test
    void theInitialFormPlansWithTheDocumentedDefaults() {
        FormErrors e = errors();
        PlanRequestDto dto = PlanForm.initial().toDto(e);
        assertTrue(e.isEmpty());
        assertEquals("default", dto.model());
        PlanRequest r = dto.toRequest();
        assertEquals(1e22, r.computeFlops());
        assertTrue(r.hasAmpleData());
        assertEquals(PlanRequest.builder(1e22, PlanRequest.AMPLE).build(), r);
    }

    @Test
    void humanNumbersAndTheFlopsBudget() {
        FormErrors e = errors();
        PlanRequest r = with("computeFlops", "2.5e21", "10T", "100B", "10%", List.of("off")).toDto(e).toRequest();
        assertTrue(e.isEmpty(), e.messages().toString());
        assertEquals(2.5e21, r.computeFlops());
        assertEquals(1e13, r.uniqueTokens());
        assertEquals(1e11, r.maxTotalParams());
        assertEquals(3e10, r.fixedTotalParams());
        assertEquals(0.1, r.fixedTotalParamsTolerance(), 1e-15);
        assertFalse(r.sharedExpert());
    }

    @Test
    void theGpuBudgetIsReadOnlyWhenChosen() {
        PlanRequestDto dto = with("gpuBudget", "not read", "", "", "", List.of("off", "on")).toDto(errors());
        assertNull(dto.computeFlops());
        // 1024 H100 × 720 h × 3600 s × 989e12 FLOP/s × 0.35
        assertEquals(1024 * 720 * 3600.0 * 989e12 * 0.35, dto.toRequest().computeFlops(), 1e9);
        assertTrue(dto.toRequest().sharedExpert());
    }

    @Test
    void unreadableTextIsReportedAndReadAsAbsent() {
        FormErrors e = errors();
        PlanRequestDto dto = with("computeFlops", "lots", "10 T", "", "", null).toDto(e);
        assertNull(dto.computeFlops());
        assertTrue(e.messageFor("computeFlops").startsWith("is not a number"));
        assertEquals(1e13, dto.uniqueTokens());
        assertNull(dto.sharedExpert(), "not posted: the planner's default");
    }
}
