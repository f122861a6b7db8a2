package dev.moeadvisor.web.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/v1/fits} over real HTTP and the database. */
@QuarkusTest
class FitsApiTest {

    @Test
    void defaultFitOfTheBundledRunsIsComputedAtStartAndMeetsTheHeldOutTarget() throws Exception {
        String id = DefaultFit.awaitId();
        JsonPath fit = ApiJson.of(given().get("/api/v1/fits/" + id).then().statusCode(200).extract().response());
        assertEquals("equal-resources-2025", fit.getString("dataset"));
        assertEquals("val_bpc", fit.getString("metric"));
        // Tables 9–13 of arXiv 2506.12119 inside the model's domain (top-k ≥ 2, 2 ≤ G ≤ 16): 41 of the 50 runs
        assertEquals(41, fit.getInt("runCount"), "Tables 9–13: 44 MoE + 6 dense runs, 9 MoE outside the domain");
        assertTrue(fit.getDouble("diagnostics.leaveOneOutRmse") <= 0.006, "LOO RMSE");
        assertEquals(41, fit.getList("residuals").size());
        assertTrue(fit.getBoolean("coefficients.gamma.pinned"));
        assertNotNull(fit.get("coefficients.a.lower"), "bootstrap interval of a free coefficient");
        // the default model's priors, its joined source and its held-out test (the reuse Tables 14–17 and the 9 runs
        // of Tables 9–13 outside the domain)
        assertEquals(-0.0761, fit.getDouble("priors.d.mean"));
        assertEquals("ling-2025-table3", fit.getString("joint[0].dataset"));
        assertEquals(39, fit.getInt("heldOut.runs"));
        List<Map<String, Object>> held = fit.getList("heldOut.residuals");
        double[] reuse = held.stream().filter(r -> ((String) r.get("runId")).matches("er-t1[4-7]-.*"))
                .mapToDouble(r -> ((Number) r.get("residual")).doubleValue()).toArray();
        assertEquals(30, reuse.length);
        double reuseRmse = Math.sqrt(java.util.Arrays.stream(reuse).map(x -> x * x).average().orElseThrow());
        assertTrue(reuseRmse <= 0.005, "reuse RMSE " + reuseRmse);
        // the held-out figure split by group: the reuse tables apart from the runs of Tables 9–13 outside the domain,
        // each group's RMSE that of its own residuals, recomputed here from the run ids
        assertEquals(List.of("Tables 9–13, not selected", "Tables 14–17"), fit.getList("heldOut.groups.group"));
        assertEquals(List.of(9, 30), fit.getList("heldOut.groups.runs"));
        assertEquals(reuseRmse, fit.getDouble("heldOut.groups[1].rmse"), 1e-12);
        double[] outside = held.stream().filter(r -> ((String) r.get("runId")).matches("er-t(9|1[0-3])-.*"))
                .mapToDouble(r -> ((Number) r.get("residual")).doubleValue()).toArray();
        assertEquals(9, outside.length);
        assertEquals(Math.sqrt(java.util.Arrays.stream(outside).map(x -> x * x).average().orElseThrow()),
                fit.getDouble("heldOut.groups[0].rmse"), 1e-12);
        assertTrue(held.stream().allMatch(r -> ((String) r.get("group")).equals(
                ((String) r.get("runId")).matches("er-t1[4-7]-.*") ? "Tables 14–17" : "Tables 9–13, not selected")));
        // and on the page
        given().accept("text/html").get("/fits/" + id).then().statusCode(200).body(org.hamcrest.Matchers.allOf(
                org.hamcrest.Matchers.containsString("data-group=\"Tables 14–17\">"
                        + dev.moeadvisor.web.ui.shared.NumberFormats.sig(reuseRmse) + " <span class=\"muted\">on 30 runs"),
                org.hamcrest.Matchers.containsString("data-group=\"Tables 9–13, not selected\">")));
        // EL at Ling-mini-beta in [4, 10] (the pair: matched loss, 7.19)
        double el = fit.getDouble("joint[0].fitted");
        assertTrue(el >= 4 && el <= 10, "EL at Ling-mini-beta " + el);
        // Asking again for the same fit answers the stored one.
        given().contentType(ContentType.JSON).body(Map.of("dataset", "equal-resources-2025", "metric", "val_bpc",
                        "filter", Map.of("tables", List.of(9, 10, 11, 12, 13), "runIds",
                                dev.moeadvisor.fit.DefaultFitRecipe.fittedRunIds()), "priorSet", "ling-el-epoch-exponents",
                        "joint", List.of("ling-2025-table3")))
                .post("/api/v1/fits").then().statusCode(201).body("id", equalTo(id));
    }

    @Test
    void fitWithPinsAndPrediction() {
        JsonPath fit = ApiJson.of(given().contentType(ContentType.JSON)
                .body(Map.of("dataset", "equal-resources-2025", "metric", "val_bpc",
                        "filter", Map.of("tables", List.of(11, 12, 13)), "pinned", Map.of("d", 0.0),
                        "seed", 7, "bootstrap", 10))
                .post("/api/v1/fits").then().statusCode(201).body("status", equalTo("DONE"))
                .extract().response());
        assertEquals(0.0, fit.getDouble("coefficients.d.value"));
        assertTrue(fit.getList("pinned").contains("d"));
        assertEquals(7, fit.getLong("diagnostics.seed"));
        String id = fit.getString("id");
        // The best 7B run of Table 12 (er-t12-5: val BPC 0.4543): the fit predicts it within 0.01 BPC.
        JsonPath p = ApiJson.of(given().contentType(ContentType.JSON).body("""
                {"shape":{"vocabSize":65536,"seqLen":2048,"layers":24,"denseLayers":1,"dModel":2048,"heads":16,
                 "dFfn":5464,"experts":78,"topK":6,"sharedExperts":1,"dExpert":512,"dShared":3072},
                 "tokens":3.16e11}""").post("/api/v1/fits/" + id + "/predict").then().statusCode(200)
                .extract().response());
        assertEquals(0.4543, p.getDouble("predicted"), 0.01);
        // the prediction names the unit and the data set it is in
        assertEquals("val_bpc", p.getString("unit"));
        assertEquals("equal-resources-2025", p.getString("dataset"));
        assertTrue(p.getDouble("lower") <= p.getDouble("upper"));
        assertTrue(p.getDouble("efficiencyLeverage") > 1);
    }

    @Test
    void largeFitRunsInTheBackgroundWithAStatusUrl() throws Exception {
        // 50 runs × (24 starts + 1000 resamples + 50 left out) local fits: above the 40,000 of
        // advisor.fit.background-above, so the answer is 202 and the fit goes on.
        var accepted = given().contentType(ContentType.JSON).body(Map.of("dataset", "equal-resources-2025",
                        "metric", "val_bpc", "filter", Map.of("tables", List.of(9, 10, 11, 12, 13)),
                        "bootstrap", 1000, "seed", 11))
                .post("/api/v1/fits").then().statusCode(202).body("status", equalTo("RUNNING")).extract();
        String url = accepted.header("Location");
        assertTrue(url.endsWith("/api/v1/fits/" + accepted.path("id")), url);
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(600);   // generous: a busy machine is slow
        String status = "RUNNING";
        while (status.equals("RUNNING") && java.time.Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            var now = given().get(url).then().statusCode(200).extract().jsonPath();
            status = now.getString("status");
            double progress = now.getDouble("progress");
            assertTrue(progress >= 0 && progress <= 1, "progress " + progress);
        }
        assertEquals("DONE", status);
        JsonPath done = ApiJson.of(given().get(url).then().extract().response());
        assertTrue(done.getInt("diagnostics.bootstrapModels") >= 950, "converged resamples");
    }

    @Test
    void fitsBeyondTheConcurrencyLimitAreRefusedWith429() throws Exception {
        List<String> running = new java.util.ArrayList<>();
        for (int seed = 101; seed <= 102; seed++) {
            running.add(given().contentType(ContentType.JSON).body(largeFit(seed)).post("/api/v1/fits")
                    .then().statusCode(202).extract().header("Location"));
        }
        // advisor.fit.max-concurrent = 2: a third fit while two run is refused, and says when to retry.
        given().contentType(ContentType.JSON).body(largeFit(103)).post("/api/v1/fits")
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", "10")
                .body("status", equalTo(429));
        for (String url : running) {
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(600);
            while (given().get(url).then().extract().path("status").equals("RUNNING")
                    && java.time.Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
            }
            given().get(url).then().body("status", equalTo("DONE"));
        }
    }

    static Map<String, Object> largeFit(int seed) {
        return Map.of("dataset", "equal-resources-2025", "metric", "val_bpc",
                "filter", Map.of("tables", List.of(9, 10, 11, 12, 13)), "bootstrap", 1000, "seed", seed);
    }

    @Test
    void publishedLingCoefficientsAreAFitLikeModel() {
        given().get("/api/v1/fits/ling-2025").then().statusCode(200).body("kind", equalTo("published"))
                .body("coefficients.a.value", equalTo(1.23f));
        given().get("/api/v1/fits").then().body("id", hasItem("ling-2025"));
        given().contentType(ContentType.JSON).body("""
                {"shape":{"vocabSize":126464,"seqLen":4096,"layers":20,"denseLayers":1,"dModel":2048,"heads":16,"kvHeads":4,
                 "dFfn":5120,"experts":384,"topK":12,"sharedExperts":1,"dExpert":384},"computeFlops":1e22}""")
                .post("/api/v1/fits/ling-2025/predict").then().statusCode(200);
    }

    @Test
    void badFitRequestsNameTheField() {
        given().contentType(ContentType.JSON).body(Map.of("dataset", "nope", "metric", "val_bpc"))
                .post("/api/v1/fits").then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("dataset", "equal-resources-2025", "metric", "bits"))
                .post("/api/v1/fits").then().statusCode(400).body("errors.field", hasItem("metric"));
        given().contentType(ContentType.JSON).body(Map.of("dataset", "equal-resources-2025", "metric", "val_bpc",
                        "filter", Map.of("tables", List.of(99))))
                .post("/api/v1/fits").then().statusCode(400).body("errors.field", hasItem("filter"));
        given().contentType(ContentType.JSON).body(Map.of("dataset", "equal-resources-2025", "metric", "val_bpc",
                        "pinned", Map.of("zeta", 1.0)))
                .post("/api/v1/fits").then().statusCode(400).body("errors.field", hasItem("pinned"));
        given().contentType(ContentType.JSON).body(Map.of("dataset", "equal-resources-2025", "metric", "val_bpc",
                        "bootstrap", -1))
                .post("/api/v1/fits").then().statusCode(400).body("errors.field", hasItem("bootstrap"));
        given().get("/api/v1/fits/999999").then().statusCode(404);
    }
}
