package dev.moeadvisor.web.ui;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Status codes and key content of the HTML pages. */
@QuarkusTest
class PagesTest {

    /** Mixtral 8x7B as the form posts it, with a compute budget. */
    private static Map<String, String> mixtral() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("model", "mixtral-8x7b");
        f.put("vocabSize", "32000");
        f.put("seqLen", "32768");
        f.put("layers", "32");
        f.put("denseLayers", "0");
        f.put("dModel", "4096");
        f.put("heads", "32");
        f.put("kvHeads", "8");
        f.put("headDim", "128");
        f.put("dFfn", "0");
        f.put("experts", "8");
        f.put("topK", "2");
        f.put("sharedExperts", "0");
        f.put("dExpert", "14336");
        f.put("dShared", "0");
        f.put("budget", "computeFlops");
        f.put("computeFlops", "1e22");
        f.put("tokens", "1T");
        f.put("gpu", "H100");
        f.put("gpuCount", "1024");
        f.put("gpuHours", "720");
        f.put("mfu", "35%");
        return f;
    }

    private static RequestSpecification html() {
        return given().accept("text/html");
    }

    /**
     * Posts the evaluate form, which answers 303 to the evaluation's permalink scrolled to its result, and answers
     * that page.
     */
    private static io.restassured.response.ValidatableResponse evaluated(Map<String, String> form) {
        String location = html().redirects().follow(false).formParams(form).post("/evaluate").then().statusCode(303)
                .header("Location", matchesPattern(".*/evaluate/result\\?.+#result$")).extract().header("Location");
        return html().urlEncodingEnabled(false).get(location.substring(0, location.indexOf('#'))).then();
    }

    @Test
    void homeLinksThePapersAndPages() {
        html().get("/").then().statusCode(200).contentType(startsWith("text/html"))
                .body(allOf(containsString("https://arxiv.org/abs/2507.17702"),
                        containsString("https://arxiv.org/abs/2506.12119"), containsString("href=\"/evaluate\""),
                        containsString("href=\"/laws\""), containsString("href=\"/q/swagger-ui\""),
                        // planning leads: the first button
                        containsString("<a class=\"button\" id=\"start-plan\" href=\"/plan\">Plan an MoE</a>")));
    }

    @Test
    void lawsListsEveryPublishedSetWithCoefficientsAndCitation() {
        html().get("/laws").then().statusCode(200).contentType(startsWith("text/html"))
                .body(allOf(containsString("id=\"law-ling-2025\""), containsString("<dd>-0.0761</dd>"),
                        containsString("<dd>5.28e16</dd>"), containsString("<dd>[1e18, 6e20]</dd>"),
                        containsString("id=\"law-step-law-2025\""), containsString("id=\"law-chinchilla-2022\""),
                        containsString("Eq. 13, Table 2"),
                        // ranges and coefficients named as the formulas write them, the API key in the tooltip
                        containsString("<dt title=\"computeFlops\">C (FLOPs)</dt><dd>[1e18, 6e20]</dd>"),
                        containsString("<dt title=\"aStart\">A_start</dt>"), not(containsString("<dt>computeFlops</dt>")),
                        // the law families' ranges too: no API key as a visible label
                        not(containsString(">computeFlops</dt>")), containsString("(API: computeFlops)\">C (FLOPs)</dt>")));
    }

    @Test
    void evaluateShowsTheFormPrefilledWithAKnownModel() {
        html().get("/evaluate").then().statusCode(200).contentType(startsWith("text/html"))
                .body(allOf(containsString("id=\"evaluate-form\""), containsString("name=\"topK\""),
                        not(containsString("id=\"result\""))));
        html().queryParam("model", "ling-mini-2.0").get("/evaluate").then().statusCode(200)
                .body(allOf(containsString("name=\"experts\" value=\"256\""),
                        containsString("<option value=\"ling-mini-2.0\" selected>")));
    }

    @Test
    void anUnknownModelIsNotFound() {
        html().queryParam("model", "no-such-model").get("/evaluate").then().statusCode(404)
                .contentType(startsWith("text/html")).body(containsString("no-such-model"));
    }

    @Test
    void aValidFormShowsTheResult() {
        evaluated(mixtral()).statusCode(200).contentType(startsWith("text/html"))
                .body(allOf(containsString("<span id=\"total-with-embeddings\">46.7B</span>"),
                        containsString("<span id=\"active-with-embeddings\">12.9B</span>"),
                        // Mixtral at C = 1e22 FLOPs, A = 2/8, G = 2·4096/14336 = 0.571 (outside the fitted 2..16)
                        containsString("id=\"el-value\">1.57<"), containsString("id=\"el-extrapolated\""),
                        containsString("<script type=\"application/json\" id=\"el-chart-data\">{\"activation\""),
                        containsString("Published for Mixtral 8x7B: 46.7B total"),
                        containsString("not given")));
    }

    @Test
    void aPermalinkWithBadFieldsIsRefusedByFieldAsAPageOrAProblem() {
        Map<String, String> f = mixtral();
        f.put("layers", "abc");
        String query = f.entrySet().stream().map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(),
                        java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        html().urlEncodingEnabled(false).get("/evaluate/result?" + query).then().statusCode(400)
                .contentType(startsWith("text/html"))
                .body(allOf(containsString("name=\"layers\" value=\"abc\""), containsString("is not a number"),
                        not(containsString("id=\"result\""))));
        given().urlEncodingEnabled(false).accept("application/json").get("/evaluate/result.json?" + query).then()
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("layers"));
    }

    @Test
    void aGpuBudgetShowsGpuHoursAndTheOtherForms() {
        Map<String, String> f = mixtral();
        f.put("budget", "gpuBudget");
        f.put("gpuCount", "1k");
        f.put("gpuHours", "24");
        evaluated(f).statusCode(200)
                .body(allOf(containsString("<td class=\"num\">24000</td>"), containsString("MFU 35%"),
                        // the preset's 80 GB: Mixtral's best layout on these GPUs and its memory per GPU
                        containsString("id=\"memory\""), containsString("<td>1000 × NVIDIA H100 SXM (80 GB)</td>"),
                        containsString("id=\"memory-layout\">DP "), containsString("ZeRO-1, BF16 weights")));
        f.put("gpu", "custom");
        f.put("peakFlops", "989T");
        evaluated(f).statusCode(200)
                .body(not(containsString("id=\"memory\"")));
    }

    @Test
    void aDenseShapeHasNoChartsAndElOne() {
        Map<String, String> f = mixtral();
        f.put("model", "");
        f.put("experts", "0");
        f.put("topK", "0");
        f.put("dExpert", "0");
        f.put("dFfn", "14336");
        f.put("budget", "tokens");
        f.put("tokens", "1T");
        evaluated(f).statusCode(200)
                .body(allOf(containsString("EL = 1 by definition"), not(containsString("el-chart-data")),
                        not(containsString("echarts.min.js")), containsString("id=\"el-value\">1.00<")));
    }

    @Test
    void aBadFormComesBackWithTheUsersTextAndMessages() {
        Map<String, String> f = mixtral();
        f.put("layers", "abc");
        f.put("computeFlops", "<b>lots</b>");
        html().formParams(f).post("/evaluate").then().statusCode(400).contentType(startsWith("text/html"))
                .body(allOf(containsString("id=\"evaluate-form\""), containsString("id=\"error-summary\""),
                        containsString("name=\"layers\" value=\"abc\""),
                        containsString("id=\"f-layers-error\">is not a number"),
                        containsString("value=\"&lt;b&gt;lots&lt;/b&gt;\""), not(containsString("<b>lots")),
                        not(containsString("id=\"result\"")), not(containsString("Exception"))));
    }

    @Test
    void missingValuesAreReportedInWordsNotFieldIds() {
        Map<String, String> f = mixtral();
        f.put("vocabSize", "");
        html().formParams(f).post("/evaluate").then().statusCode(400)
                .body(allOf(containsString("id=\"f-vocabSize-error\">required<"), not(containsString("must not be null"))));
        f.put("vocabSize", "32000");
        f.put("budget", "tokens");
        f.put("tokens", "");
        f.put("computeFlops", "");
        html().formParams(f).post("/evaluate").then().statusCode(400)
                .body(allOf(containsString("give one of tokens, the compute budget or a GPU budget"),
                        not(containsString("computeFlops or gpuBudget"))));
    }

    @Test
    void shapeRulesAreReportedNextToTheirField() {
        Map<String, String> f = mixtral();
        f.put("topK", "12");
        html().formParams(f).post("/evaluate").then().statusCode(400)
                .body(allOf(containsString("name=\"topK\" value=\"12\""),
                        containsString("id=\"f-topK-error\">must not exceed experts (8)")));
    }

    @Test
    void budgetAndBeanValidationRulesAreReportedNextToTheirField() {
        Map<String, String> f = mixtral();
        f.put("budget", "gpuBudget");
        f.put("mfu", "150%");
        f.put("gpuCount", "-3");
        html().formParams(f).post("/evaluate").then().statusCode(400)
                .body(allOf(containsString("id=\"f-mfu-error\">must be less than or equal to 1"),
                        containsString("id=\"f-gpuCount-error\">must be greater than 0")));
        f.put("mfu", "0.4");
        f.put("gpuCount", "8");
        f.put("gpu", "custom");
        f.put("peakFlops", "");
        html().formParams(f).post("/evaluate").then().statusCode(400)
                .body(containsString("id=\"f-peakFlops-error\">give a GPU preset or its peak FLOP/s"));
    }
}
