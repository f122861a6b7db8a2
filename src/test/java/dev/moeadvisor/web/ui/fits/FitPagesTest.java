package dev.moeadvisor.web.ui.fits;

import dev.moeadvisor.web.ui.datasets.DatasetPagesTest;

import dev.moeadvisor.web.ui.TestRunFiles;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fit pages over HTTP: the list, the published model, starting a fit, refused forms, a fit's page. */
@QuarkusTest
class FitPagesTest {

    private static RequestSpecification html() {
        return given().accept("text/html").redirects().follow(false);
    }

    private static Map<String, String> form(String dataset) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("dataset", dataset);
        f.put("metric", "val_bpc");
        f.put("tables", "");
        f.put("runIds", "");
        f.put("seed", "7");
        f.put("bootstrap", "5");
        return f;
    }

    @Test
    void theListShowsThePublishedModelAndAFormWithADatasetSelect() {
        html().get("/fits").then().statusCode(200).contentType(startsWith("text/html"))
                .body(allOf(containsString("href=\"/fits/ling-2025\""), containsString("id=\"fit-form\""),
                        containsString("<select name=\"dataset\" id=\"f-dataset\">"),
                        containsString("<option value=\"equal-resources-2025\" selected>"),
                        containsString("name=\"pin-gamma\""), containsString("Ling: 0.0167 (blank: pinned at it)"),
                        containsString("Chinchilla: 1.69 (blank: free)"),
                        // run ids and tables are words and lists: a phone shows the full keyboard for them
                        containsString("inputmode=\"text\" id=\"f-runIds\""),
                        containsString("inputmode=\"text\" id=\"f-tables\""),
                        containsString("inputmode=\"decimal\" id=\"f-seed\"")));
    }

    @Test
    void thePublishedModelShowsItsCoefficientsAndSources() {
        html().get("/fits/ling-2025").then().statusCode(200)
                .body(allOf(containsString("Published coefficients"), containsString("5.28e16"),
                        containsString("-0.0761"), containsString("406.4"), containsString("arXiv 2507.17702"),
                        containsString("arXiv 2203.15556"), not(containsString("fit-chart-data"))));
    }

    @Test
    void aFitStartsAndItsPageShowsCoefficientsIntervalsDiagnosticsAndCharts() {
        String dataset = DatasetPagesTest.uploaded("Fit me", TestRunFiles.smallValBpcCsv());
        Map<String, String> f = form(dataset);
        String location = html().formParams(f).formParam("kind", "moe").formParam("kind", "dense")
                .post("/fits").then().statusCode(303).header("Location", matchesPattern(".*/fits/\\d+"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        // Started from the form, the fit runs in the background: its page shows the progress and refreshes itself.
        String first = html().get(location).then().statusCode(200).extract().asString();
        assertTrue(first.contains("id=\"fit-running\"") && first.contains("http-equiv=\"refresh\"")
                || first.contains("id=\"coefficients\""), "a progress page, or a fit already done");
        awaitDone(id);
        String page = html().get(location).then().statusCode(200)
                .body(allOf(containsString("id=\"coefficients\""), containsString("id=\"coef-alpha\""),
                        containsString("95% bootstrap interval"), containsString("<span class=\"pill pinned\">pinned</span>"),
                        containsString("id=\"loo-rmse\""), containsString("id=\"seed\">7<"),
                        containsString("id=\"bootstrap\">"), containsString("in nats on another corpus"),
                        containsString("<script type=\"application/json\" id=\"fit-chart-data\">{\"metric\":\"val_bpc\""),
                        containsString("href=\"/datasets/" + dataset + "\""), not(containsString("http-equiv=\"refresh\""))))
                .extract().asString();
        assertTrue(page.contains("\"published\":[["), "the published EL curve is embedded");
        // The fit is listed, on /fits and on its data set's page.
        html().get("/fits").then().body(containsString("id=\"fit-row-" + id + "\""));
        html().get("/datasets/" + dataset).then().body(containsString("href=\"/fits/" + id + "\""));
    }

    @Test
    void unreadableNumbersComeBackNextToTheirFieldsWithTheUsersText() {
        Map<String, String> f = form("equal-resources-2025");
        f.put("seed", "abc");
        f.put("bootstrap", "-1");
        f.put("tables", "9, x");
        f.put("pin-gamma", "<b>lots</b>");
        html().formParams(f).post("/fits").then().statusCode(400).contentType(startsWith("text/html"))
                .body(allOf(containsString("id=\"fit-error-summary\""),
                        containsString("name=\"seed\" value=\"abc\""), containsString("id=\"f-seed-error\">is not a number"),
                        containsString("id=\"f-bootstrap-error\">must be a whole number from 0"),
                        containsString("id=\"f-tables-error\">&#39;x&#39; is not a number"),
                        containsString("value=\"&lt;b&gt;lots&lt;/b&gt;\""), not(containsString("<b>lots")),
                        containsString("id=\"f-pin-gamma-error\">is not a number")));
    }

    @Test
    void theServicesRulesComeBackByField() {
        Map<String, String> f = form("equal-resources-2025");
        f.put("metric", "perplexity");
        html().formParams(f).post("/fits").then().statusCode(400)
                .body(allOf(containsString("id=\"f-metric-error\">data set &#39;equal-resources-2025&#39; has no runs"),
                        containsString("<option value=\"perplexity\" selected>")));
        f.put("metric", "val_bpc");
        f.put("tables", "99");
        html().formParams(f).post("/fits").then().statusCode(400)
                .body(allOf(containsString("id=\"fit-filter-error\">no run of metric"),
                        containsString("name=\"tables\" value=\"99\"")));
        f.put("tables", "9");
        f.put("bootstrap", "1000000");
        html().formParams(f).post("/fits").then().statusCode(400)
                .body(containsString("id=\"f-bootstrap-error\">must lie in [0,"));
        f.put("bootstrap", "5");
        f.put("pin-aStart", "2");
        html().formParams(f).post("/fits").then().statusCode(400)
                .body(containsString("id=\"fit-pinned-error\">pinned aStart"));
        f.remove("pin-aStart");
        f.put("dataset", "no-such-set");
        html().formParams(f).post("/fits").then().statusCode(400)
                .body(containsString("id=\"f-dataset-error\">choose one of the data sets"));
    }

    /**
     * The form as {@code /fits} prefills it spells the default request, so submitting it answers the default fit
     * (the one computed at start-up when it has finished, else a new one marked default).
     */
    @Test
    void thePrefilledFormStartsTheDefaultFitWhichCarriesItsBadge() {
        Map<String, String> f = form("equal-resources-2025");
        f.put("tables", "9, 10, 11, 12, 13");
        String page = html().get("/fits").then().statusCode(200).extract().asString();
        // the runs inside the default model's domain (top-k ≥ 2, 2 ≤ G ≤ 16): 41 of Tables 9–13, by id
        f.put("runIds", prefilled(page, "runIds"));
        org.junit.jupiter.api.Assertions.assertEquals(41, f.get("runIds").split(",\\s*").length, f.get("runIds"));
        f.put("seed", prefilled(page, "seed"));
        f.put("bootstrap", prefilled(page, "bootstrap"));
        // the default model's priors and joined source, as the form prefills them
        f.put("joint", prefilled(page, "joint"));
        java.util.regex.Matcher set = java.util.regex.Pattern.compile(
                "name=\"priorSet\"[^>]*>.*?<option value=\"([^\"]*)\" selected", java.util.regex.Pattern.DOTALL)
                .matcher(page);
        org.junit.jupiter.api.Assertions.assertTrue(set.find(), "a prior set is preselected");
        org.junit.jupiter.api.Assertions.assertEquals("ling-el-epoch-exponents", set.group(1));
        f.put("priorSet", set.group(1));
        org.junit.jupiter.api.Assertions.assertEquals("ling-2025-table3", f.get("joint"));
        String location = html().formParams(f).formParam("kind", "moe").formParam("kind", "dense")
                .post("/fits").then().statusCode(303).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        awaitDone(id);
        html().get("/fits/" + id).then().statusCode(200)
                .body(allOf(containsString("Fit #" + id + " <span class=\"pill default\">default</span>"),
                        containsString("tables 9, 10, 11, 12, 13"), containsString("id=\"runs-fitted\">41<")));
        html().get("/fits").then().body(allOf(containsString("id=\"fit-row-" + id + "\""),
                containsString("<span class=\"pill default\">default</span>")));
    }

    /**
     * Waits for fit {@code id} to end, reading its progress from the API every quarter second: it never moves
     * backwards, and the fit ends DONE.
     */
    static void awaitDone(String id) {
        java.time.Instant until = java.time.Instant.now().plus(java.time.Duration.ofMinutes(10));
        double last = 0;
        while (true) {
            var fit = given().get("/api/v1/fits/" + id).then().statusCode(200).extract().jsonPath();
            double progress = fit.getDouble("progress");
            assertTrue(progress >= last, "progress moved backwards: " + last + " → " + progress);
            last = progress;
            if (!"RUNNING".equals(fit.getString("status"))) {
                org.junit.jupiter.api.Assertions.assertEquals("DONE", fit.getString("status"), fit.prettify());
                org.junit.jupiter.api.Assertions.assertEquals(1.0, progress);
                return;
            }
            assertTrue(java.time.Instant.now().isBefore(until), "fit " + id + " still running");
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The value the page's form prefills for the input named {@code name}. */
    static String prefilled(String html, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"")
                .matcher(html);
        if (!m.find()) {
            throw new AssertionError("no prefilled " + name);
        }
        return m.group(1);
    }

    @Test
    void unknownFitsAreNotFound() {
        html().get("/fits/999999").then().statusCode(404).contentType(startsWith("text/html"));
        html().get("/fits/abc").then().statusCode(404).contentType(startsWith("text/html"));
    }
}
