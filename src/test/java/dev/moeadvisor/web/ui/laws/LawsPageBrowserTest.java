package dev.moeadvisor.web.ui.laws;

import dev.moeadvisor.web.ui.BrowserTest;
import dev.moeadvisor.web.ui.Chromium;
import dev.moeadvisor.web.ui.shared.NumberFormats;

import com.microsoft.playwright.Page;
import dev.moeadvisor.law.family.ImpliedLeverage;
import dev.moeadvisor.law.family.JointMoeLaw;
import dev.moeadvisor.law.family.LingComposedLaw;
import dev.moeadvisor.shape.ModelShape;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /laws} lists the MoE law families; {@code /laws/compare} draws and tabulates them, in a real browser. */
@QuarkusTest
class LawsPageBrowserTest extends BrowserTest {

    /** Qwen3-30B-A3B as bundled in data/shapes/known-shapes.json. */
    static final ModelShape QWEN3 = ModelShape.builder().vocabSize(151936).seqLen(4096).layers(48).dModel(2048)
            .heads(32).kvHeads(4).headDim(128).experts(128).topK(8).dExpert(768).tiedEmbeddings(false).build();

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
    void lawsPageListsTheFamiliesWithTheirUnitsAndRanges() {
        page.navigate(url("/laws"));
        assertThat(page.locator("#law-families tbody tr")).hasCount(4);
        assertThat(page.locator("#family-krajewski-2024")).containsText("arXiv 2402.07871");
        assertThat(page.locator("#family-krajewski-2024")).containsText("C4");
        assertThat(page.locator("#family-ludziejewski-2025")).containsText("including embedding");
        assertThat(page.locator("#law-ling-2025")).isVisible();
        page.click("#compare-link");
        page.waitForURL("**/laws/compare");
        watched.assertChartDrawn("#chart-laws");
    }

    @Test
    void compareChartDrawsEveryLawAndTheTableCarriesEachVerdict() {
        page.navigate(url("/laws/compare?shape=qwen3-30b-a3b&min=1e18&max=1e24&at=1e20"));
        watched.assertChartDrawn("#chart-laws");
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) page.evaluate("() => echarts.getInstanceByDom(document.getElementById"
                + "('chart-laws')).getOption().series.filter(s => s.data.some(p => p !== '-')).map(s => s.name)");
        assertTrue(names.stream().distinct().count() >= 3, "laws drawn: " + names);
        assertEquals(4, names.stream().distinct().count(), "laws drawn: " + names);
        Object dashed = page.evaluate("() => echarts.getInstanceByDom(document.getElementById('chart-laws'))"
                + ".getOption().series.filter(s => s.lineStyle.type === 'dashed').length");
        assertEquals(4, ((Number) dashed).intValue());

        assertThat(page.locator("#compare-table tbody tr")).hasCount(4);
        // The values are the core's (tested against the papers), formatted to three digits.
        ModelShape shape = QWEN3;
        assertThat(page.locator("#row-ling-2025\\+chinchilla-2022 .el")).hasText(
                NumberFormats.sig(ImpliedLeverage.of(LingComposedLaw.WITH_CHINCHILLA, shape, 1e20).leverage()));
        assertThat(page.locator("#row-ludziejewski-2025 .el")).hasText(
                NumberFormats.sig(ImpliedLeverage.of(JointMoeLaw.PUBLISHED, shape, 1e20).leverage()));
        // A = 6.25%, G = 5.33, C = 1e20: inside Ling's ranges; top-8 is outside the joint law's top-1
        assertThat(page.locator("#row-ling-2025\\+chinchilla-2022")).containsText("in range");
        assertThat(page.locator("#row-ludziejewski-2025")).containsText("routed experts per token k 8.0× above the fitted range (1 only)");
        assertTrue(watched.consoleErrors.isEmpty(), "console errors: " + watched.consoleErrors);
        assertTrue(watched.scriptErrors.isEmpty(), "script errors: " + watched.scriptErrors);
        watched.screenshot("laws-compare.png");
    }

    @Test
    void badInputReRendersTheFormWithTheMessage() {
        page.navigate(url("/laws/compare?shape=qwen3-30b-a3b&min=abc&max=1e24&at=1e20"));
        assertThat(page.locator("#error-summary")).containsText("min:");
        assertThat(page.locator("#f-min")).hasValue("abc");
        assertThat(page.locator("#chart-laws")).hasCount(0);
        page.navigate(url("/laws/compare?shape=no-such-model"));
        assertThat(page.locator("#error-summary")).containsText("shape:");
        page.navigate(url("/laws/compare?min=1e22&max=1e20"));
        assertThat(page.locator("#error-summary")).containsText("max: must exceed min");
    }
}
