package dev.moeadvisor.web.ui.plan;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.moeadvisor.web.ui.BrowserTest;
import dev.moeadvisor.web.ui.Chromium;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a phone (390 CSS pixels), the plan form's shape rules — attention, GQA group, MoE every n-th layer, the shared
 * expert's width — are chosen, planned with and echoed on the plan page; a refused rule comes back named.
 */
@QuarkusTest
class PlanShapeRulesBrowserTest extends BrowserTest {

    @Test
    void chooseLatentAttentionInterleavedLayersAndTheWideSharedExpert() {
        try (Chromium.WatchedPage w = chromium.newPage(390, 844)) {
            Page page = w.page;
            page.navigate(url("/plan"));
            assertThat(page.locator("#f-attention")).hasValue("gqa");
            assertThat(page.locator("label[for=f-headsPerKvHead]")).containsText("Query heads per KV head");
            page.selectOption("#f-model", "ling-2025");
            page.fill("#f-computeFlops", "1e21");
            page.selectOption("#f-attention", "mla");
            page.fill("#f-moeLayerStep", "2");
            page.selectOption("#f-sharedExpertTopKWide", "true");
            w.screenshot("phone-plan-shape-rules.png");
            Response response = page.waitForResponse(r -> r.url().endsWith("/plan")
                    && "POST".equals(r.request().method()), () -> page.click("#plan"));
            assertEquals(303, response.status());
            page.waitForURL(Pattern.compile(".*/plans/\\d+$"));
            assertThat(page.locator("#budget-attention")).containsText("MLA");
            assertThat(page.locator("#budget-moe-step")).hasText("every 2nd layer");
            assertThat(page.locator("#budget-shared-width")).containsText("k·d_expert");
            assertThat(page.locator("#rec-attention")).containsText("MLA, KV latent");
            assertThat(page.locator("#rec-moe-layers")).containsText("every 2nd");
            assertThat(page.locator("#rec-evaluate")).hasCount(0);
            assertThat(page.locator("#rec-not-evaluable")).containsText("latent attention");
            Number scroll = (Number) page.evaluate("() => document.documentElement.scrollWidth");
            assertTrue(scroll.intValue() <= 390, "the plan page scrolls sideways: " + scroll);
            assertTrue(w.scriptErrors.isEmpty(), w.scriptErrors.toString());
        }
    }

    @Test
    void aBadRuleIsShownNextToItsInput() {
        try (Chromium.WatchedPage w = chromium.newPage(390, 844)) {
            Page page = w.page;
            page.navigate(url("/plan"));
            page.fill("#f-computeFlops", "1e21");
            page.fill("#f-moeLayerStep", "9");
            Response response = page.waitForResponse(r -> r.url().endsWith("/plan")
                    && "POST".equals(r.request().method()), () -> page.click("#plan"));
            assertEquals(400, response.status());
            assertThat(page.locator("#f-moeLayerStep")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#f-moeLayerStep")).hasValue("9");
        }
    }
}
