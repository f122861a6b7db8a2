package dev.moeadvisor.web.ui.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import dev.moeadvisor.law.family.ImpliedLeverage;
import dev.moeadvisor.law.family.LawFamilies;
import dev.moeadvisor.law.family.MoeLawFamily;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.web.api.ShapeRequest;
import dev.moeadvisor.web.ui.BrowserTest;
import dev.moeadvisor.web.ui.Chromium;
import dev.moeadvisor.web.ui.shared.NumberFormats;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plan's page and JSON carry what every MoE law family says of its recommendation and alternatives. */
@QuarkusTest
class LawVerdictsBrowserTest extends BrowserTest {

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
    void thePlanShowsEveryLawSideBySideAndTheJsonCarriesIt() throws Exception {
        int id = given().contentType(ContentType.JSON).body(Map.of("computeFlops", 1e21, "model", "ling-2025"))
                .post("/api/v1/plan").then().statusCode(201).extract().path("id");
        JsonNode plan = new ObjectMapper().readTree(given().get("/api/v1/plans/" + id).asString());
        JsonNode verdicts = plan.get("lawFamilies");
        assertEquals(1 + plan.get("alternatives").size(), verdicts.size());
        assertEquals("recommended", verdicts.get(0).get("candidate").asText());
        // The JSON's numbers are the core's for the recommended shape at the plan's compute (the core is tested
        // against the papers: PublishedLawFamiliesTest)
        ModelShape shape = new ObjectMapper().treeToValue(plan.get("recommended").get("shape"), ShapeRequest.class)
                .toShape();
        assertTrue(shape.isMoe(), "at 1e21 FLOPs the published laws recommend an MoE");
        assertEquals(LawFamilies.PUBLISHED.size(), verdicts.get(0).get("laws").size());
        for (int i = 0; i < LawFamilies.PUBLISHED.size(); i++) {
            MoeLawFamily law = LawFamilies.PUBLISHED.get(i);
            ImpliedLeverage core = ImpliedLeverage.of(law, shape, 1e21);
            JsonNode v = verdicts.get(0).get("laws").get(i);
            assertEquals(law.id(), v.get("law").asText());
            assertEquals(core.loss(), v.get("loss").asDouble(), 1e-12);
            assertEquals(core.leverage(), v.get("efficiencyLeverage").asDouble(), 1e-9 * core.leverage());
            assertEquals(core.inRange(), v.get("inRange").asBoolean());
        }

        page.navigate(url("/plans/" + id));
        assertThat(page.locator("#law-verdicts-table thead th")).hasCount(2 + LawFamilies.PUBLISHED.size());
        assertThat(page.locator("#law-verdicts-table tbody tr")).hasCount(verdicts.size());
        assertTrue(LawFamilies.PUBLISHED.size() >= 3);
        for (MoeLawFamily law : LawFamilies.PUBLISHED) {
            JsonNode v = null;
            for (JsonNode x : verdicts.get(0).get("laws")) {
                if (x.get("law").asText().equals(law.id())) {
                    v = x;
                }
            }
            String cell = "#verdict-0 .verdict-" + law.id().replace("+", "\\+");
            assertThat(page.locator(cell + " .el")).hasText(NumberFormats.sig(v.get("efficiencyLeverage").asDouble()));
            assertThat(page.locator(cell)).containsText(v.get("inRange").asBoolean() ? "in range" : "outside");
        }
        assertThat(page.locator("#law-verdicts")).containsText("C4");
        // a plan ranked by a loss model keeps its wording: no family sentences, outside the model's runs
        assertThat(page.locator("#bounds-not-probed")).hasCount(0);
        assertThat(page.locator("#dense-match-family")).hasCount(0);
        if (page.locator("#rec-outside").count() > 0) {
            assertThat(page.locator("#rec-outside")).containsText("outside the model's runs: ");
        }
        assertTrue(watched.scriptErrors.isEmpty(), "script errors: " + watched.scriptErrors);
        watched.screenshot("plan-law-verdicts.png");
    }

    @Test
    void aPlanRankedByALawFamilyShowsWhatEachLawRecommendsAndTheirElCurves() throws Exception {
        int id = given().contentType(ContentType.JSON)
                .body(Map.of("computeFlops", 1e21, "model", "krajewski-2024", "maxExperts", 64))
                .post("/api/v1/plan").then().statusCode(201).extract().path("id");
        JsonNode laws = new ObjectMapper().readTree(given().get("/api/v1/plans/" + id + "/laws").asString()).get("laws");
        assertTrue(laws.size() >= 3);
        page.navigate(url("/plans/" + id));
        assertThat(page.locator("#law-recommendations-table tbody tr")).hasCount(laws.size());
        for (int i = 0; i < laws.size(); i++) {
            JsonNode r = laws.get(i);
            String row = "#law-rec-" + i;
            assertThat(page.locator(row + " .loss")).containsText(NumberFormats.fixed4(r.get("predictedLoss").asDouble()));
            assertThat(page.locator(row + " .el")).hasText(NumberFormats.sig(r.get("efficiencyLeverage").asDouble()));
            assertThat(page.locator(row)).containsText(r.get("inRange").asBoolean() ? "in range" : "outside");
            if (!r.get("inRange").asBoolean()) {
                // axes in words, never the API's keys
                assertThat(page.locator(row + " .outside")).hasText(r.get("outsideInWords").asText());
                assertThat(page.locator(row + " .outside")).not().containsText("params ");
            }
        }
        assertThat(page.locator("#law-rec-0")).containsText("this plan");
        // the plan's own sentences are the law's: outside its fitted ranges in its words, bounds not probed, the dense
        // match is its compute-optimal dense model's, and the rationale names the EL it implies
        JsonNode plan = new ObjectMapper().readTree(given().get("/api/v1/plans/" + id).asString());
        String name = dev.moeadvisor.law.family.KrajewskiLaw.PUBLISHED.name();
        String words = String.join("; ", plan.get("recommended").get("outside").findValuesAsText("description"));
        assertTrue(!words.isEmpty(), "the recommendation lies outside Krajewski's ranges at 1e21 FLOPs");
        assertThat(page.locator("#rec-outside")).hasText("outside the fitted ranges of " + name + ": " + words);
        assertThat(page.locator("#bounds-not-probed")).hasText("Under " + name + " "
                + dev.moeadvisor.plan.FamilyPlanner.BOUNDS_NOT_PROBED + ".");
        assertThat(page.locator("#dense-match-family")).containsText("Under " + name + " both figures are one number");
        assertThat(page.locator("#rationale")).containsText(name + " implies EL = ");
        assertThat(page.locator("#rationale")).not().containsText("the EL law gives");
        assertThat(page.locator("#warnings")).containsText("The recommendation lies outside the fitted ranges of " + name);
        assertThat(page.locator("#warnings")).not().containsText("outside the model's runs");
        // Krajewski's law has no EL law of Ling's form: the page draws the loss chart and every law's EL curve
        assertThat(page.locator("#no-el-law")).isVisible();
        assertThat(page.locator("#chart-laws canvas")).hasCount(1);
        assertThat(page.locator("#chart-loss canvas")).hasCount(1);
        assertTrue(watched.scriptErrors.isEmpty(), "script errors: " + watched.scriptErrors);
        assertTrue(watched.consoleErrors.isEmpty(), "console errors: " + watched.consoleErrors);
        watched.screenshot("plan-law-recommendations.png");
    }
}
