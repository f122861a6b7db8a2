package dev.moeadvisor.web.ui.evaluate;

import dev.moeadvisor.web.ui.BrowserTest;
import dev.moeadvisor.web.ui.Chromium;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

import java.net.URL;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evaluate page in a real browser ({@link Chromium}).
 */
@QuarkusTest
class EvaluatePageBrowserTest extends BrowserTest {

    private Chromium.WatchedPage watched;
    private Page page;
    private List<String> consoleErrors;
    private List<String> scriptErrors;

    @BeforeEach
    void openPage() {
        watched = chromium.newPage();
        page = watched.page;
        consoleErrors = watched.consoleErrors;
        scriptErrors = watched.scriptErrors;
    }

    @AfterEach
    void closePage() {
        watched.close();
    }

    @Test
    void pickAKnownModelEvaluateItAndSeeTheCharts() {
        page.navigate(url("/evaluate"));
        assertThat(page.locator("#load-model")).isHidden();

        // Choosing a model in the picker loads it (progressive enhancement: GET /evaluate?model=...).
        page.selectOption("#model-select", "mixtral-8x7b");
        page.waitForURL("**/evaluate?model=mixtral-8x7b");
        assertThat(page.locator("#f-experts")).hasValue("8");
        assertThat(page.locator("#f-dExpert")).hasValue("14336");

        page.check("#budget-computeFlops");
        page.fill("#f-computeFlops", "1e22");
        Response response = page.waitForResponse(r -> r.url().endsWith("/evaluate") && "POST".equals(r.request().method()),
                () -> page.click("#evaluate"));
        assertEquals(303, response.status());
        // It lands on the evaluation's permalink, scrolled to the result.
        page.waitForURL(Pattern.compile(".*/evaluate/result\\?.*#result$"));
        assertResultInView();

        // Mixtral 8x7B as published (model card; arXiv 2401.04088): 46.7B total, 12.9B active, with embeddings.
        assertThat(page.locator("#total-with-embeddings")).hasText("46.7B");
        assertThat(page.locator("#active-with-embeddings")).hasText("12.9B");
        // EL by hand (Ling Eq. 13, Table 2): A = 2/8 = 0.25, G = 2·4096/14336 = 0.5714, C = 1e22.
        //   Â = 1/(1/(0.25 + 0.0163) + 1/5.28e16) = 0.2663
        //   exponent = 1.23 − 0.0761·22 + 0.0167·(log2 0.5714)² − 0.117·log2 0.5714
        //            = −0.4442 + 0.0167·0.6519 + 0.117·0.8074 = −0.3388
        //   EL = 0.2663^−0.3388 = 1.566 → "1.57"; G < 2 lies outside the fitted range, so it is extrapolated.
        assertThat(page.locator("#el-value")).hasText("1.57");
        assertThat(page.locator("#el-extrapolated")).isVisible();
        assertThat(page.locator("#el-citation")).containsText("arXiv 2507.17702, Eq. 13, Table 2");
        assertThat(page.locator("#ratio-ling")).hasText("25%");
        assertThat(page.locator("#granularity")).hasText("0.571");

        watched.assertChartDrawn("#chart-activation");
        watched.assertChartDrawn("#chart-granularity");
        assertTrue(consoleErrors.isEmpty(), "console errors: " + consoleErrors);
        assertTrue(scriptErrors.isEmpty(), "script errors: " + scriptErrors);

        watched.screenshot("evaluate.png");

        // The permalink reloads the same evaluation; JSON and CSV give the same numbers.
        List<String> shown = FIGURES.stream().map(id -> page.locator(id).innerText().strip()).toList();
        String permalink = page.locator("#evaluation-permalink").getAttribute("href");
        String json = page.locator("#evaluation-json").getAttribute("href");
        String csv = page.locator("#evaluation-csv").getAttribute("href");
        try (Chromium.WatchedPage again = chromium.newPage()) {
            again.page.navigate(url(permalink));
            assertEquals(shown, FIGURES.stream().map(id -> again.page.locator(id).innerText().strip()).toList());
            assertThat(again.page.locator("#f-experts")).hasValue("8");
            assertThat(again.page.locator("#f-computeFlops")).hasValue("1e22");
            again.assertChartDrawn("#chart-activation");
            assertTrue(again.scriptErrors.isEmpty(), "script errors: " + again.scriptErrors);
        }
        JsonPath answer = JsonPath.from(given().urlEncodingEnabled(false).get(json).then().statusCode(200)
                .contentType(startsWith("application/json")).extract().asString());
        // 46.7B total with embeddings: the same count as the page; EL 1.566 (hand-computed above).
        assertEquals(46.7e9, answer.getDouble("totalParamsWithEmbeddings"), 0.05e9);
        assertEquals(1.566, answer.getDouble("efficiencyLeverage.value"), 0.001);
        String[] lines = given().urlEncodingEnabled(false).get(csv).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString().split("\n");
        assertEquals(2, lines.length);
        List<String> header = List.of(lines[0].split(","));
        List<String> row = List.of(lines[1].split(","));
        assertEquals("8", row.get(header.indexOf("experts")));
        assertEquals("1e22", row.get(header.indexOf("compute_flops")));
        assertEquals(answer.getDouble("efficiencyLeverage.value"),
                Double.parseDouble(row.get(header.indexOf("efficiency_leverage"))), 1e-5);
        assertFalse(lines[1].contains("E"), "no Java E notation: " + lines[1]);
    }

    /** The key figures of an evaluation, as the page shows them. */
    private static final List<String> FIGURES = List.of("#el-value", "#total-with-embeddings", "#active-with-embeddings",
            "#compute", "#ratio-ling", "#granularity", "#flops-per-token");

    /** The result's heading is on screen: the page scrolled to it. */
    private void assertResultInView() {
        page.locator("#result").waitFor();
        double top = ((Number) page.evaluate("() => document.querySelector('#result').getBoundingClientRect().top"))
                .doubleValue();
        double height = ((Number) page.evaluate("() => window.innerHeight")).doubleValue();
        assertTrue(top >= -1 && top < height / 2, "the result starts at " + top + " px of a " + height + " px window");
    }

    @Test
    void badValuesComeBackNextToTheirFieldWithTheUsersText() {
        page.navigate(url("/evaluate?model=mixtral-8x7b"));
        page.fill("#f-layers", "abc");
        Response response = page.waitForResponse(r -> r.url().endsWith("/evaluate") && "POST".equals(r.request().method()),
                () -> page.click("#evaluate"));
        assertEquals(400, response.status());
        assertThat(page.locator("#f-layers")).hasValue("abc");
        assertThat(page.locator("#f-layers")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#f-layers-error")).containsText("is not a number");
        assertThat(page.locator("#error-summary")).containsText("Layers L");
        assertThat(page.locator("#f-experts")).hasValue("8");
        assertThat(page.locator("#result")).hasCount(0);

        // Fixed layers, but more routed experts per token than experts: the shape's own rule speaks.
        page.fill("#f-layers", "32");
        page.fill("#f-topK", "12");
        response = page.waitForResponse(r -> r.url().endsWith("/evaluate") && "POST".equals(r.request().method()),
                () -> page.click("#evaluate"));
        assertEquals(400, response.status());
        assertThat(page.locator("#f-topK")).hasValue("12");
        assertThat(page.locator("#f-topK-error")).hasText("must not exceed experts (8)");
        assertThat(page.locator("#f-layers-error")).hasCount(0);
        assertThat(page.locator("#f-layers")).hasValue("32");
        // The console reports the 400 answers themselves; what must not happen is a script error.
        assertTrue(scriptErrors.isEmpty(), "script errors: " + scriptErrors);
        watched.screenshot("evaluate-error.png");
    }

    @Test
    void homeAndLawsRender() {
        page.navigate(url("/"));
        assertThat(page.locator("h1")).containsText("Mixture-of-Experts");
        page.click("text=Evaluate a shape >> nth=0");
        page.waitForURL("**/evaluate");
        page.navigate(url("/laws"));
        assertThat(page.locator("#law-ling-2025")).containsText("5.28e16");
        assertTrue(consoleErrors.isEmpty(), "console errors: " + consoleErrors);
        watched.screenshot("laws.png");
        page.navigate(url("/"));
        watched.screenshot("home.png");
    }
}
