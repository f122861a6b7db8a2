package dev.moeadvisor.web.ui;

import dev.moeadvisor.web.ui.datasets.DatasetPagesTest;

import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page a researcher reads on a phone, in a real Chromium 390 CSS pixels wide: the home page, the plan form,
 * a plan result, the evaluate form and its result, a fitted model's page, the laws, data sets and saved plans. None
 * may scroll sideways: {@code document.documentElement.scrollWidth ≤ innerWidth}. A failure names the elements
 * that stick out.
 */
@QuarkusTest
class NarrowScreenBrowserTest extends BrowserTest {

    private static final int PHONE_WIDTH = 390;

    /** The page's width beyond the viewport, with the outermost elements that reach past its right edge. */
    private static final String OVERFLOW = """
            () => {
              const w = window.innerWidth;
              const wide = [];
              for (const el of document.querySelectorAll('body *')) {
                const r = el.getBoundingClientRect();
                if (r.right > w + 0.5 && r.width > 0 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > w + 0.5)) {
                  wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '') + ' right=' + Math.round(r.right));
                }
              }
              return {scrollWidth: document.documentElement.scrollWidth, innerWidth: w, wide: wide.slice(0, 12)};
            }""";

    @Test
    void noPageScrollsSidewaysAt390Pixels() {
        String plan = given().contentType(ContentType.JSON)
                .body(Map.of("computeFlops", 1.05e24, "uniqueTokens", 3e12, "model", "ling-2025"))
                .post("/api/v1/plan").then().statusCode(201).extract().path("permalink");
        String fit = fittedModelPage();

        List<String> failures = new ArrayList<>();
        try (Chromium.WatchedPage w = chromium.newPage(PHONE_WIDTH, 844)) {
            Page page = w.page;
            for (String path : List.of("/", "/plan", plan, "/plans", "/evaluate", "/explore", "/laws", "/laws/compare",
                    "/evidence", "/datasets", "/datasets/equal-resources-2025", "/fits", "/fits/ling-2025", fit)) {
                page.navigate(url(path));
                if (path.equals("/explore")) {
                    // the charts and the best shape drawn (ling-2025: ready at once) before measuring
                    page.selectOption("#f-model", "ling-2025");
                    page.waitForFunction("() => document.getElementById('best-model').textContent.includes('Published')");
                }
                check(page, path, failures);
                if (path.equals(plan)) {
                    // the budget is read, not scrolled: its label/value pairs stack inside the card
                    @SuppressWarnings("unchecked")
                    Map<String, Number> t = (Map<String, Number>) page.evaluate("() => { const t = document"
                            + ".querySelector('.budget-table'); return {scroll: t.scrollWidth, client: t.clientWidth}; }");
                    if (t.get("scroll").intValue() > t.get("client").intValue()) {
                        failures.add(path + ": the budget table scrolls inside its card " + t);
                    }
                }
            }
            page.navigate(url("/evaluate"));
            page.click("#evaluate");
            page.locator("#result").waitFor();
            check(page, "the evaluate result", failures);
            w.screenshot("phone-evaluate-result.png");
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static void check(Page page, String what, List<String> failures) {
        page.waitForLoadState();
        page.waitForTimeout(300); // charts draw on load; let them size themselves
        @SuppressWarnings("unchecked")
        Map<String, Object> o = (Map<String, Object>) page.evaluate(OVERFLOW);
        int scrollWidth = ((Number) o.get("scrollWidth")).intValue();
        int innerWidth = ((Number) o.get("innerWidth")).intValue();
        if (scrollWidth > innerWidth) {
            failures.add(what + ": scrollWidth " + scrollWidth + " > " + innerWidth + "; " + o.get("wide"));
        }
    }

    /** A fit of a small upload, finished: its page has coefficients, diagnostics and charts. */
    private String fittedModelPage() {
        String dataset = DatasetPagesTest.uploaded("Phone fit", TestRunFiles.smallValBpcCsv());
        String location = given().accept("text/html").redirects().follow(false)
                .formParams(Map.of("dataset", dataset, "metric", "val_bpc", "tables", "", "runIds", "",
                        "seed", "7", "bootstrap", "5"))
                .formParam("kind", "moe").formParam("kind", "dense")
                .post("/fits").then().statusCode(303).extract().header("Location");
        String id = location.replaceAll(".*/fits/", "");
        Instant until = Instant.now().plus(Duration.ofMinutes(5));
        while (!"DONE".equals(given().get("/api/v1/fits/" + id).then().extract().path("status"))) {
            assertTrue(Instant.now().isBefore(until), "fit " + id + " did not finish");
            sleep();
        }
        assertTrue(Pattern.matches("\\d+", id), location);
        return "/fits/" + id;
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
