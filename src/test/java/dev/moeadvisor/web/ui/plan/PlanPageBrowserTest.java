package dev.moeadvisor.web.ui.plan;

import dev.moeadvisor.web.ui.BrowserTest;
import dev.moeadvisor.web.ui.Chromium;
import dev.moeadvisor.web.ui.shared.NumberFormats;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan pages in a real browser ({@link Chromium}): a budget in GPU units, the recommendation with its charts,
 * and the same plan at its permalink. Ranked with the published Ling + Chinchilla model, so the test does not wait
 * for the default fit.
 */
@QuarkusTest
class PlanPageBrowserTest extends BrowserTest {

    /** The recommendation's key figures, as the page shows them. */
    private static final List<String> FIGURES = List.of("#rec-loss", "#rec-el", "#rec-total", "#rec-active", "#rec-a",
            "#rec-routed", "#rec-ra", "#rec-g", "#rec-layers", "#rec-dmodel", "#rec-experts", "#rec-dexpert",
            "#rec-tokens", "#rec-epochs");

    @Test
    void planInGpuUnitsSeeTheRecommendationAndItsPermalink() {
        List<String> shown;
        String permalink;
        try (Chromium.WatchedPage w = chromium.newPage()) {
            Page page = w.page;
            page.navigate(url("/plan"));
            page.selectOption("#f-model", "ling-2025");
            page.check("#budget-gpuBudget");
            page.selectOption("#f-gpu", "H100");
            page.fill("#f-gpuCount", "1024");
            page.fill("#f-gpuHours", "720");
            page.fill("#f-mfu", "35%");
            page.fill("#f-uniqueTokens", "10T");
            w.screenshot("plan-form.png");
            Response response = page.waitForResponse(r -> r.url().endsWith("/plan")
                    && "POST".equals(r.request().method()), () -> page.click("#plan"));
            assertEquals(303, response.status());
            page.waitForURL(Pattern.compile(".*/plans/\\d+$"));

            // 1024 × 720 h × 3600 s × 989e12 FLOP/s × 0.35 = 9.19e23 FLOPs
            assertThat(page.locator("#budget-compute")).hasText("9.19e23 FLOPs");
            assertThat(page.locator("#budget-unique")).hasText("10T");
            assertThat(page.locator("#model-label")).containsText("Ling EL law");
            shown = FIGURES.stream().map(id -> page.locator(id).innerText().strip()).toList();
            shown.forEach(text -> assertFalse(text.isEmpty() || text.equals(NumberFormats.NONE), shown.toString()));
            assertThat(page.locator("#binding")).isVisible();
            assertTrue(page.locator("#alternatives tbody tr").count() >= 1);
            assertThat(page.locator("#dense-solved")).containsText("FLOPs");
            w.assertChartDrawn("#chart-loss");
            w.assertChartDrawn("#chart-granularity");
            assertTrue(w.scriptErrors.isEmpty(), "script errors: " + w.scriptErrors);
            assertTrue(w.consoleErrors.isEmpty(), "console errors: " + w.consoleErrors);
            permalink = page.locator("#permalink").getAttribute("href");
            assertEquals(page.url(), url(permalink));
            w.screenshot("plan-result.png");
        }

        try (Chromium.WatchedPage w = chromium.newPage()) {
            w.page.navigate(url(permalink));
            List<String> again = FIGURES.stream().map(id -> w.page.locator(id).innerText().strip()).toList();
            assertEquals(shown, again);
            w.assertChartDrawn("#chart-loss");
            w.assertChartDrawn("#chart-granularity");
            assertTrue(w.scriptErrors.isEmpty(), "script errors: " + w.scriptErrors);

            // The alternatives sort in the browser: by loss, ascending, then descending.
            Page p = w.page;
            if (p.locator("#alternatives-table tbody tr").count() >= 2) {
                p.click("#alternatives-table th:has-text('Loss')");
                List<Double> up = losses(p);
                assertEquals(up.stream().sorted().toList(), up);
                p.click("#alternatives-table th:has-text('Loss')");
                List<Double> down = losses(p);
                assertEquals(down.stream().sorted(java.util.Comparator.reverseOrder()).toList(), down);
            }

            // "Open this shape in Evaluate" evaluates the recommendation with its planned tokens.
            String experts = p.locator("#rec-experts").innerText().strip();
            String activation = p.locator("#rec-a").innerText().strip();
            p.click("#rec-evaluate");
            p.waitForURL(Pattern.compile(".*/evaluate/result\\?.*#result$"));
            assertEquals(experts.split(",")[0].strip(), p.locator("#f-experts").inputValue());
            assertThat(p.locator("#ratio-ling")).hasText(activation);
            assertTrue(w.scriptErrors.isEmpty(), "script errors: " + w.scriptErrors);

            w.page.navigate(url("/plans"));
            assertThat(w.page.locator("#recent-plans a[href='" + permalink + "']")).isVisible();
            w.screenshot("plans.png");
        }
    }

    @Test
    void anInfeasibleBudgetKeepsTheFormAndNamesTheConstraint() {
        try (Chromium.WatchedPage w = chromium.newPage()) {
            Page page = w.page;
            page.navigate(url("/plan"));
            page.selectOption("#f-model", "ling-2025");
            page.fill("#f-computeFlops", "1e22");
            page.fill("#f-maxTotalParams", "1M");
            Response response = page.waitForResponse(r -> r.url().endsWith("/plan")
                    && "POST".equals(r.request().method()), () -> page.click("#plan"));
            assertEquals(422, response.status());
            assertThat(page.locator("#plan-alert")).containsText("memory cap:");
            assertThat(page.locator("#f-maxTotalParams")).hasValue("1M");
            assertThat(page.locator("#f-maxTotalParams")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#f-model")).hasValue("ling-2025");
            assertTrue(w.scriptErrors.isEmpty(), "script errors: " + w.scriptErrors);
            w.screenshot("plan-infeasible.png");
        }
    }

    /** The alternatives' predicted losses, top to bottom, from the keys the table sorts by. */
    private static List<Double> losses(Page page) {
        int column = 14; // #, Experts, L, d_model, d_expert, Total, Active, A, k/E, r_a, G, Tokens, Epochs, EL, Loss
        return page.locator("#alternatives-table tbody tr").all().stream()
                .map(r -> Double.parseDouble(r.locator("td").nth(column).getAttribute("data-sort"))).toList();
    }
}
