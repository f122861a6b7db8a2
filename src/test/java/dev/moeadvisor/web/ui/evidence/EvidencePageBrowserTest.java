package dev.moeadvisor.web.ui.evidence;

import com.microsoft.playwright.Page;
import dev.moeadvisor.web.api.DefaultFit;
import dev.moeadvisor.web.ui.BrowserTest;
import dev.moeadvisor.web.ui.Chromium;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /evidence} in a real browser: reached from /laws, the summary per source, every pair, the parity chart. */
@QuarkusTest
class EvidencePageBrowserTest extends BrowserTest {

    private Chromium.WatchedPage watched;
    private Page page;

    @BeforeEach
    void openPage() {
        watched = chromium.newPage();
        page = watched.page;
    }

    @AfterEach
    void closePage() {
        watched.close();
    }

    @Test
    void evidencePageTabulatesEverySourceAndDrawsTheParityChart() throws InterruptedException {
        DefaultFit.awaitId();
        page.navigate(url("/laws"));
        page.click("#evidence-link");
        page.waitForURL("**/evidence");
        watched.assertChartDrawn("#chart-evidence");
        assertThat(page.locator("#evidence-summary tbody tr")).hasCount(3);
        assertThat(page.locator("#default-fit-pending")).hasCount(0);
        // four law families and two models
        // four laws, ling-2025 with each dense law, the default fit, and the stored fits other tests made (at most 6)
        int columns = page.locator("#evidence-summary thead th").count();
        assertTrue(columns >= 2 + 7 && columns <= 2 + 7 + 6, "columns: " + columns);
        // DeepSeekMoE's four MoE runs against its dense run; hand-checked in EvidenceReportTest (+5.45 points)
        assertThat(page.locator("#source-deepseekmoe-2024-table1 td").nth(1)).hasText("4");
        assertThat(page.locator("#pair-ds-t1-5 .observed")).hasText("−12.23%");
        assertThat(page.locator("#pair-ds-t1-5 .pred-krajewski-2024 .error")).hasText("(+5.45)");
        // Held out is visible at a glance: the default fit joined Ling's pair and never saw DeepSeekMoE
        assertThat(page.locator("#source-ling-2025-table3 .cell-default .fitted")).hasText("fitted");
        // each column says which sources its predictor was fitted on, by name
        assertThat(page.locator("#col-default .fitted-on")).hasText(
                "fitted on Equal-resources runs (Li, Lo et al., 2025), Ling-mini-beta vs Dense-6.1B (Tian et al., 2025)");
        assertThat(page.locator("#col-ling-2025-epoch .fitted-on")).hasText("fitted on none of these sources");
        assertThat(page.locator("#source-deepseekmoe-2024-table1 .cell-default .fitted")).hasText("held out");
        assertThat(page.locator("#source-deepseekmoe-2024-table1 .cell-krajewski-2024 .fitted")).hasText("held out");
        Object drawn = page.evaluate("() => echarts.getInstanceByDom(document.getElementById('chart-evidence'))"
                + ".getOption().series.filter(s => s.type === 'scatter' && s.data.length > 0).length");
        assertTrue(((Number) drawn).intValue() >= 6, "scatter series drawn: " + drawn);
        assertEquals(0, watched.consoleErrors.size(), "console errors: " + watched.consoleErrors);
        assertTrue(watched.scriptErrors.isEmpty(), "script errors: " + watched.scriptErrors);
        watched.screenshot("evidence.png");
    }
}
