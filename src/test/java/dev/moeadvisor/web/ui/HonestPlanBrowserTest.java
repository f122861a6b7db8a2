package dev.moeadvisor.web.ui;

import com.microsoft.playwright.Page;
import dev.moeadvisor.web.api.DefaultFit;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plan where the default model cannot tell MoE from dense: its paired MoE − dense interval over the bootstrap
 * models contains 0, and the page says "indistinguishable" rather than "better" or "worse". The budget is found by
 * asking the API (the default model may change; the property may not).
 */
@QuarkusTest
class HonestPlanBrowserTest extends BrowserTest {

    @Test
    void aPairedGapContainingZeroIsShownAsIndistinguishable() throws Exception {
        DefaultFit.awaitId();
        String permalink = null;
        double low = Double.NaN;
        double high = Double.NaN;
        for (double c : new double[] {1e22, 3e22, 3e21, 1e23, 1e21, 1e24, 1e25}) {
            JsonPath p = JsonPath.from(given().contentType(ContentType.JSON).body(Map.of("computeFlops", c))
                    .post("/api/v1/plan").then().statusCode(201).extract().asString());
            if ("indistinguishable".equals(p.getString("pairedUncertainty.moeMinusDense.verdict"))) {
                permalink = p.getString("permalink");
                low = p.getDouble("pairedUncertainty.moeMinusDense.interval.low");
                high = p.getDouble("pairedUncertainty.moeMinusDense.interval.high");
                break;
            }
        }
        assertNotNull(permalink, "no budget where the default model cannot tell MoE from dense");
        assertTrue(low < 0 && high > 0, "the interval contains 0: [" + low + ", " + high + "]");
        try (Chromium.WatchedPage w = chromium.newPage()) {
            Page page = w.page;
            page.navigate(url(permalink));
            assertThat(page.locator("#dense-gap")).containsText("indistinguishable");
            String gap = page.locator("#dense-gap").innerText();
            assertFalse(gap.contains("worse than the MoE") || gap.contains("better than the MoE"), gap);
            assertThat(page.locator("#dense-paired")).containsText(NumberFormats.fixed4(low));
            assertThat(page.locator("#rec-verdict")).containsText("indistinguishable");
            assertThat(page.locator("#rationale")).containsText("indistinguishable");
            assertTrue(w.scriptErrors.isEmpty(), "script errors: " + w.scriptErrors);
            w.screenshot("plan-indistinguishable.png");
        }
    }
}
