package dev.moeadvisor.web.ui.plan;

import dev.moeadvisor.web.ui.shared.NumberFormats;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan form, the plan's permalink page, its CSV and the recent-plans list, over HTTP. */
@QuarkusTest
class PlanPagesTest {

    /** 1e22 FLOPs, 10T unique tokens, ranked with the published Ling + Chinchilla model (no fit timing involved). */
    private static Map<String, String> form() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("model", "ling-2025");
        f.put("budget", "computeFlops");
        f.put("computeFlops", "1e22");
        f.put("gpu", "H100");
        f.put("gpuCount", "1024");
        f.put("gpuHours", "720");
        f.put("mfu", "35%");
        f.put("uniqueTokens", "10T");
        f.put("maxEpochs", "");
        return f;
    }

    private static RequestSpecification html() {
        return given().accept("text/html").redirects().follow(false);
    }

    private static String planFrom(Map<String, String> form) {
        ExtractableResponse<Response> r = html().formParams(form).post("/plan").then().statusCode(303)
                .header("Location", matchesPattern(".*/plans/\\d+$")).extract();
        return r.header("Location").replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void theFormShowsTheBudgetModelsAndDefaults() {
        html().get("/plan").then().statusCode(200).contentType(startsWith("text/html"))
                .body(allOf(containsString("id=\"plan-form\""), containsString("name=\"computeFlops\" value=\"1e22\""),
                        containsString("<option value=\"H100\" selected>NVIDIA H100 SXM (9.89e14 FLOP/s, 80 GB)</option>"),
                        containsString("<option value=\"default\" selected>Default fit — fitted to the bundled runs of arXiv 2506.12119</option>"),
                        containsString("<option value=\"ling-2025\">"), containsString("<option value=\"ling-2025-epoch\">"),
                        containsString("default 4<"), containsString("blank: ample"),
                        containsString("Advanced: evidence bounds"), containsString("extrapolation warnings"),
                        containsString("id=\"f-sharedExpert\" checked")));
    }

    @Test
    void aGoodFormRedirectsToThePermalinkWhichShowsTheRecommendation() {
        String path = planFrom(form());
        String page = html().get(path).then().statusCode(200).contentType(startsWith("text/html"))
                .body(allOf(containsString("id=\"recommendation\""), containsString("id=\"rec-loss\""),
                        containsString("id=\"rec-a\""), containsString("id=\"rec-ra\""), containsString("id=\"rec-g\""),
                        containsString("id=\"budget-compute\">1e22 FLOPs"), containsString("id=\"budget-unique\">10T"),
                        containsString("no interval: published coefficients carry none"),
                        containsString("id=\"dense-by-el\""), containsString("id=\"dense-solved\""),
                        containsString("<script type=\"application/json\" id=\"plan-chart-data\">{\"loss\""),
                        containsString("href=\"/api/v1/plans/"), containsString("href=\"" + path + ".csv\""),
                        containsString("id=\"alternatives\""), containsString("id=\"rejections\"")))
                .extract().asString();
        // The page shows the numbers the API returns for the same plan.
        var json = given().accept("application/json").get("/api/v1" + path).then().statusCode(200).extract().jsonPath();
        assertTrue(page.contains("id=\"rec-total\">" + NumberFormats.params(json.getDouble("recommended.totalParams"))
                + "<"), "total params as in the API");
        assertTrue(page.contains("id=\"rec-loss\">" + NumberFormats.fixed4(json.getDouble("recommended.predictedLoss"))
                + "<"), "loss as in the API");
        assertTrue(page.contains("id=\"rec-g\">" + NumberFormats.sig(json.getDouble("recommended.granularity")) + "<"));
    }

    @Test
    void theCsvHasOneRowPerReturnedShape() {
        String path = planFrom(form());
        var json = given().accept("application/json").get("/api/v1" + path).then().extract().jsonPath();
        int alternatives = json.getList("alternatives").size();
        boolean dense = json.get("denseBaseline") != null;
        String csv = given().get(path + ".csv").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString(".csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(String.join(",", PlanCsv.HEADER), lines.get(0));
        assertEquals(1 + 1 + alternatives + (dense ? 1 : 0), lines.size());
        assertTrue(lines.get(1).startsWith("1,recommended,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("2,alternative,"), lines.get(2));
        String[] rec = lines.get(1).split(",");
        // The CSV writes six significant digits (a loss near 2: to 1e-5), and never Java's E notation.
        assertEquals(json.getDouble("recommended.predictedLoss"),
                Double.parseDouble(rec[List.of(PlanCsv.HEADER).indexOf("predicted_loss")]), 1e-5);
        assertFalse(csv.matches("(?s).*\\dE[-\\d].*"), csv);
        assertEquals(json.getDouble("computeFlops"),
                Double.parseDouble(rec[List.of(PlanCsv.HEADER).indexOf("budget_compute_flops")]), 1e-6 * json.getDouble("computeFlops"));
        assertEquals(json.getDouble("recommended.totalParams"),
                Double.parseDouble(rec[List.of(PlanCsv.HEADER).indexOf("total_params")]), 1e3);
    }

    /**
     * The pills and the CSV's {@code el_extrapolated} follow the evidence envelope, as the API's {@code outside} does:
     * at 1e22 FLOPs against Ling's fit (compute 1e18–6e20) every returned shape — the dense baseline too, which the
     * plan core's EL-law rule never flagged — is 1e22/6e20 = 16.7× above the largest run; at 3e20 FLOPs the
     * recommendation lies inside (the search keeps A and G in Ling's ranges), so no pill whatever its EL.
     */
    @Test
    void extrapolatedPillsAndTheCsvFollowTheEvidenceEnvelope() {
        String path = planFrom(form());
        var json = given().accept("application/json").get("/api/v1" + path).then().statusCode(200).extract().jsonPath();
        assertEquals(1e22 / 6e20, json.getDouble("recommended.outside.find { it.axis == 'computeFlops' }.factor"), 1e-6);
        String words = "compute 17× above the largest run";
        html().get(path).then().statusCode(200).body(allOf(containsString("id=\"rec-el-extrapolated\""),
                containsString("id=\"rec-outside\">outside the model's runs: " + words + "<")));
        List<String> lines = given().get(path + ".csv").then().statusCode(200).extract().asString().lines().toList();
        List<String> header = List.of(PlanCsv.HEADER);
        int flag = header.indexOf("el_extrapolated");
        int outside = header.indexOf("outside");
        List<String> roles = new java.util.ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            roles.add(cells[1]);
            assertEquals("true", cells[flag], line);
            assertEquals(words, cells[outside], line);
        }
        assertTrue(roles.contains("dense"), "the dense baseline is flagged by the same rule: " + roles);
        assertTrue(json.getBoolean("denseBaseline.shape.extrapolated"), "as the API says");

        Map<String, String> inside = form();
        inside.put("computeFlops", "3e20");
        String insidePath = planFrom(inside);
        var insideJson = given().accept("application/json").get("/api/v1" + insidePath).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(), insideJson.getList("recommended.outside"));
        html().get(insidePath).then().statusCode(200).body(allOf(not(containsString("id=\"rec-el-extrapolated\"")),
                not(containsString("id=\"rec-outside\""))));
        String rec = given().get(insidePath + ".csv").then().statusCode(200).extract().asString().lines().toList().get(1);
        String[] cells = rec.split(",", -1);
        assertEquals("false", cells[flag], rec);
        assertEquals("", cells[outside], rec);
    }

    @Test
    void aBadNumberComesBackNextToItsFieldWithTheUsersText() {
        Map<String, String> f = form();
        f.put("uniqueTokens", "lots");
        f.put("maxEpochs", "-2");
        html().formParams(f).post("/plan").then().statusCode(400).contentType(startsWith("text/html"))
                .body(allOf(containsString("id=\"plan-form\""), containsString("id=\"error-summary\""),
                        containsString("name=\"uniqueTokens\" value=\"lots\""),
                        containsString("id=\"f-uniqueTokens-error\">is not a number"),
                        containsString("id=\"f-maxEpochs-error\">must be greater than 0"),
                        containsString("<option value=\"ling-2025\" selected>"), not(containsString("Exception"))));
    }

    @Test
    void plannerAndGpuRulesAreReportedNextToTheirField() {
        Map<String, String> f = form();
        f.put("minTopK", "6");
        f.put("maxTopK", "3");
        html().formParams(f).post("/plan").then().statusCode(400)
                .body(containsString("id=\"f-maxTopK-error\">must lie in [6, "));
        f = form();
        f.put("budget", "gpuBudget");
        f.put("mfu", "150%");
        html().formParams(f).post("/plan").then().statusCode(400)
                .body(allOf(containsString("id=\"f-mfu-error\">must be less than or equal to 1"),
                        containsString("name=\"mfu\" value=\"150%\"")));
    }

    @Test
    void aGpuBudgetIsEchoedWithTheLayoutMemoryAndClock() {
        Map<String, String> f = form();
        f.put("budget", "gpuBudget");
        f.put("gpuCount", "64");
        f.put("gpuHours", "240");
        f.put("mfu", "40%");
        String path = planFrom(f);
        // on the permalink: the budget as typed, memory from the preset, the clock at dense MFU 40% and MoE 32%
        html().get(path).then().statusCode(200)
                .body(allOf(containsString("id=\"budget-gpu-count\">64 × NVIDIA H100 SXM"),
                        containsString("id=\"budget-gpu-hours\">240 h / 15400"),
                        containsString("id=\"budget-mfu\">40% / 32%"),
                        containsString("id=\"budget-gpu-memory\">80 GB"),
                        containsString("id=\"gpus\""), containsString("id=\"gpu-rec-hours\">300 h"),
                        containsString("id=\"gpu-dense-hours\">240 h"), containsString("id=\"gpu-el-hours\">"),
                        containsString("id=\"gpu-memory\""), containsString("<td>Recommended</td><td>DP "),
                        containsString("id=\"gpu-setup\">ZeRO-1, BF16 weights"), containsString("id=\"gpu-all-to-all\"")));
    }

    @Test
    void anInfeasibleBudgetIs422NamingTheBindingConstraint() {
        Map<String, String> f = form();
        f.put("computeFlops", "1e10");
        html().formParams(f).post("/plan").then().statusCode(422).contentType(startsWith("text/html"))
                .body(allOf(containsString("id=\"plan-alert\""), containsString("No shape fits this budget"),
                        containsString("compute: No MoE shape satisfies the request"),
                        containsString("name=\"computeFlops\" value=\"1e10\""),
                        containsString("id=\"f-computeFlops-error\">the binding constraint")));
        f = form();
        f.put("maxTotalParams", "1M");
        html().formParams(f).post("/plan").then().statusCode(422)
                .body(allOf(containsString("memory cap: No MoE shape satisfies the request"),
                        containsString("id=\"f-maxTotalParams-error\"")));
    }

    @Test
    void anUnknownModelIsReportedAtTheSelect() {
        Map<String, String> f = form();
        f.put("model", "no-such-fit");
        html().formParams(f).post("/plan").then().statusCode(400)
                .body(containsString("id=\"f-model-error\">no finished fit, published model or law family has id &#39;no-such-fit&#39;"));
    }

    @Test
    void theDefaultFitEitherPlansOrSaysItIsNotReadyYet() {
        // The default fit is computed in the background at start-up: depending on timing the plan is made (303) or
        // the form comes back with 503, a Retry-After and a hint to use a published model.
        Map<String, String> f = form();
        f.put("model", "default");
        var r = html().formParams(f).post("/plan").then().extract();
        if (r.statusCode() == 303) {
            assertTrue(r.header("Location").matches(".*/plans/\\d+$"), r.header("Location"));
        } else {
            assertEquals(503, r.statusCode());
            assertEquals("5", r.header("Retry-After"));
            String body = r.asString();
            assertTrue(body.contains("The default fit is not ready yet") && body.contains("choose a published model")
                    && body.contains("<option value=\"default\" selected>"), body);
        }
    }

    @Test
    void recentPlansListTheNewOne() {
        String path = planFrom(form());
        html().get("/plans").then().statusCode(200).contentType(startsWith("text/html"))
                .body(allOf(containsString("id=\"recent-plans\""), containsString("href=\"" + path + "\""),
                        containsString(">Published: Ling EL law (arXiv 2507.17702, Eq. 13) with the chinchilla-2022 dense law"),
                        not(containsString("<td>ling-2025</td>")), containsString(">1e22<"), containsString(">10T<"),
                        // Chinchilla's dense law predicts nats of MassiveText: the unit stands beside the loss
                        matchesPattern("(?s).*>[0-9]\\.[0-9]{4} <span class=\"muted small\">nats \\(MassiveText\\)</span>.*")));
    }

    @Test
    void pagesSayWhatIsMissingInWordsNotFieldIds() {
        Map<String, String> f = form();
        f.put("computeFlops", "");
        String page = html().formParams(f).post("/plan").then().statusCode(400).extract().asString();
        assertTrue(page.contains("give the compute budget or a GPU budget"), page);
        assertTrue(!page.contains("computeFlops or gpuBudget") && !page.contains("must not be null"), page);
    }

    @Test
    void searchBoundsAreNamedInWordsOnThePageAndKeepTheirIdsInJson() {
        Map<String, String> f = form();
        f.put("minActivationRatio", "0.2");
        f.put("uniqueTokens", "");
        String path = planFrom(f);
        var json = given().accept("application/json").get("/api/v1" + path).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> bounds = json.getList("searchBounds");
        assertTrue(!bounds.isEmpty(), "an A floor of 20% at 1e22 FLOPs holds the recommendation: " + bounds);
        String page = html().get(path).then().statusCode(200).extract().asString();
        for (Map<String, Object> b : bounds) {
            String id = (String) b.get("bound");
            String label = (String) b.get("label");
            assertEquals(dev.moeadvisor.plan.SearchBound.labelOf(id), label);
            assertTrue(!label.equals(id), id);
            assertTrue(page.contains(">" + label + "</span>"), "the bounds table names " + label);
            assertTrue(page.contains("the " + label + " ("), "the rationale names " + label);
            assertTrue(!page.contains("Search bound " + id) && !page.contains("search bound " + id), id);
        }
        assertTrue(!page.matches("(?s).*[0-9]{5,} shapes evaluated.*"), "counts written whole with separators");
        long steps = json.getLong("training.steps");
        assertTrue(steps >= 1000, "steps " + steps);
        assertTrue(page.contains("<span id=\"steps\">" + NumberFormats.whole(steps) + "</span>")
                && page.contains(NumberFormats.whole(steps) + " optimizer steps"), "steps written with separators");
    }

    @Test
    void anUnknownPlanIsNotFound() {
        html().get("/plans/999999").then().statusCode(404).contentType(startsWith("text/html"))
                .body(allOf(containsString("plan &#39;999999&#39; does not exist"), not(containsString("Exception"))));
        given().get("/plans/999999.csv").then().statusCode(404);
        html().get("/plans/abc").then().statusCode(404).contentType(startsWith("text/html"));
    }
}
