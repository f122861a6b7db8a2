package dev.moeadvisor.web.ui;

import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /explore} in a real browser: the first update draws the three charts and the best shape; moving the compute
 * slider redraws them in place (new data, no reload) and the footer times the update; bad input shows a message
 * naming the field by its label.
 */
@QuarkusTest
class ExploreBrowserTest extends BrowserTest {

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

    /** Waits until the footer counts {@code n} updates. */
    private void awaitUpdates(int n) {
        page.waitForFunction("n => Number(document.getElementById('explore-timing').dataset.updates || 0) >= n", n);
    }

    /** Picks the published model (ready at once; the default fit may still be computing) and waits for its answer. */
    private void pickLing() {
        page.selectOption("#f-model", "ling-2025");
        page.waitForFunction("() => document.getElementById('best-model').textContent.includes('Published')");
    }

    private Object option(String chart, String path) {
        return page.evaluate("() => { const o = echarts.getInstanceByDom(document.getElementById('" + chart
                + "')).getOption(); return JSON.stringify(" + path + "); }");
    }

    @Test
    void movingTheComputeSliderRedrawsTheChartsAndTimesTheUpdate() {
        page.navigate(url("/"));
        page.click("#start-explore");
        page.waitForURL("**/explore");
        // ling-2025: ready at once (the default fit may still be computing in the background)
        pickLing();
        watched.assertChartDrawn("#chart-explore-a");
        watched.assertChartDrawn("#chart-explore-g");
        watched.assertChartDrawn("#chart-explore-el");
        int before = Integer.parseInt(page.locator("#explore-timing").getAttribute("data-updates"));
        String aBefore = (String) option("chart-explore-a", "o.series.map(s => s.data)");
        String gBefore = (String) option("chart-explore-g", "o.series[0].data");
        String elTitle = (String) option("chart-explore-el", "o.title[0].text");
        String loss = page.locator("#best-loss").textContent();
        assertTrue(elTitle.contains("under every model"), elTitle);
        // one curve per model, solid and dashed: ling-2025 (and the default fit once ready), the four law families
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) page.evaluate("() => [...new Set(echarts.getInstanceByDom(document"
                + ".getElementById('chart-explore-el')).getOption().series.filter(s => s.data.some(p => p !== '-'))"
                + ".map(s => s.name))]");
        assertTrue(names.size() >= 5, names::toString);
        // Ling's curve leaves its fitted compute (6e20) inside the chart: it has dashed points
        Object lingDashed = page.evaluate("() => echarts.getInstanceByDom(document.getElementById('chart-explore-el'))"
                + ".getOption().series.find(s => s.id === 'ling-2025-dashed').data.filter(p => p !== '-').length");
        assertTrue(((Number) lingDashed).intValue() > 0);

        // move the slider from 1e21 to 1e23 (two steps of a decade)
        page.evaluate("() => { const s = document.getElementById('f-compute'); s.value = '23';"
                + " s.dispatchEvent(new Event('input', { bubbles: true })); }");
        awaitUpdates(before + 1);
        page.waitForFunction("() => echarts.getInstanceByDom(document.getElementById('chart-explore-a')).getOption()"
                + ".title[0].text.includes('1.00e23')");
        assertThat(page.locator("#compute-value")).hasText("1.00e23 FLOPs");
        assertNotEquals(aBefore, option("chart-explore-a", "o.series.map(s => s.data)"));
        assertNotEquals(gBefore, option("chart-explore-g", "o.series[0].data"));
        assertNotEquals(loss, page.locator("#best-loss").textContent());
        String footer = page.locator("#explore-timing").textContent();
        assertTrue(footer.matches("updated in \\d+ ms: server \\d+ ms"), footer);
        double total = Double.parseDouble(page.locator("#explore-timing").getAttribute("data-total-ms"));
        double server = Double.parseDouble(page.locator("#explore-timing").getAttribute("data-server-ms"));
        assertTrue(total >= server && server > 0, total + " / " + server);
        // hold E = 64 with 2T unique tokens: the best shape has 64 experts, the other buckets are drawn faint
        page.fill("#f-unique", "2T");
        page.selectOption("#f-experts", "64");
        assertThat(page.locator("#best-shape")).containsText("E = 64 routed experts");
        assertThat(page.locator("#explore-error")).isHidden();
        Object faint = page.evaluate("() => echarts.getInstanceByDom(document.getElementById('chart-explore-a'))"
                + ".getOption().series.flatMap(s => s.data).filter(p => p.itemStyle && p.itemStyle.opacity < 1).length");
        assertTrue(((Number) faint).intValue() > 0);
        // no reload: the page's own state survived
        assertEquals("ling-2025", page.locator("#f-model").inputValue());
        assertTrue(watched.scriptErrors.isEmpty(), "script errors: " + watched.scriptErrors);
        // the only HTTP error allowed: the default fit not ready yet at the first update (503, retried)
        assertTrue(watched.consoleErrors.stream().allMatch(e -> e.contains("503")), "console errors: " + watched.consoleErrors);
        watched.screenshot("explore.png");
    }

    @Test
    void badInputShowsAMessageNamingTheFieldAndKeepsTheCharts() {
        page.navigate(url("/explore"));
        pickLing();
        String before = (String) option("chart-explore-a", "o.series.map(s => s.data)");
        page.fill("#f-unique", "lots");
        assertThat(page.locator("#explore-error")).isVisible();
        assertThat(page.locator("#explore-error")).containsText("Unique tokens: give a number of tokens");
        assertThat(page.locator("#f-unique")).hasAttribute("aria-invalid", "true");
        // a memory cap below every shape: the server's 422, in words
        page.fill("#f-unique", "");
        page.fill("#f-memory", "1e6");
        assertThat(page.locator("#explore-error")).containsText("No MoE shape fits this budget");
        assertThat(page.locator("#explore-error")).not().containsText("memoryCap");
        assertEquals(before, option("chart-explore-a", "o.series.map(s => s.data)"));
        page.fill("#f-memory", "");
        assertThat(page.locator("#explore-error")).isHidden();
        assertTrue(watched.scriptErrors.isEmpty(), "script errors: " + watched.scriptErrors);
    }
}
