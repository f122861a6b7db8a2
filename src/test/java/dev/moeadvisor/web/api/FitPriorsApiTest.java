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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Priors in {@code POST /api/v1/fits}, the held-out test per fit, and the published model's coefficient names. */
@QuarkusTest
class FitPriorsApiTest {

    private static Map<String, Object> fit(Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("dataset", "equal-resources-2025",
                "metric", "val_bpc", "filter", Map.of("tables", List.of(11, 12, 13)), "bootstrap", 0, "seed", 3));
        body.putAll(extra);
        return body;
    }

    @Test
    void aPriorSetAndAnExplicitPriorAreUsedShownAndTheHeldOutRunsPredicted() {
        JsonPath f = ApiJson.of(given().contentType(ContentType.JSON)
                .body(fit(Map.of("priorSet", "ling-2025-el", "priors", Map.of("beta", Map.of("mean", 0.3658, "sd", 0.05)))))
                .post("/api/v1/fits").then().statusCode(201).extract().response());
        assertEquals(1.23, f.getDouble("priors.a.mean"));
        assertEquals(0.3, f.getDouble("priors.a.sd"));
        assertEquals(-0.0761, f.getDouble("priors.d.mean"));
        assertEquals(0.3658, f.getDouble("priors.beta.mean"));
        // with Ling's priors EL grows with compute: d stays negative (the unregularised fit of these runs: d > 0)
        assertTrue(f.getDouble("coefficients.d.value") < 0, "d " + f.getDouble("coefficients.d.value"));
        // the filter left Tables 9, 10 and 14–17 out: 30 + 34 val_bpc runs with tokens, predicted but never fitted
        int held = f.getInt("heldOut.runs");
        assertEquals(f.getList("heldOut.residuals").size(), held);
        assertTrue(held > 0);
        assertTrue(f.getDouble("heldOut.rmse") > 0);
        assertFalse(f.getString("citation").contains("arXiv ,"), f.getString("citation"));
        assertFalse(f.getString("citation").endsWith("arXiv "), f.getString("citation"));
    }

    @Test
    void badPriorsAre400sNamingTheFieldAndNothingIsStored() {
        int before = given().get("/api/v1/fits").then().extract().jsonPath().getList("id").size();
        given().contentType(ContentType.JSON).body(fit(Map.of("priors", Map.of("d", Map.of("mean", -0.07, "sd", 0)))))
                .post("/api/v1/fits").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("priors.d"));
        given().contentType(ContentType.JSON).body(fit(Map.of("priors", Map.of("d", Map.of("mean", -0.07, "sd", -1)))))
                .post("/api/v1/fits").then().statusCode(400).body("errors.field", hasItem("priors.d"));
        given().contentType(ContentType.JSON).body("""
                {"dataset":"equal-resources-2025","metric":"val_bpc","priors":{"a":{"mean":"NaN","sd":0.3}}}""")
                .post("/api/v1/fits").then().statusCode(400);
        given().contentType(ContentType.JSON).body(fit(Map.of("priors", Map.of("zeta", Map.of("mean", 1, "sd", 1)))))
                .post("/api/v1/fits").then().statusCode(400).body("errors.field", hasItem("priors.zeta"));
        // gamma is pinned by default; d pinned by the request
        given().contentType(ContentType.JSON).body(fit(Map.of("priors", Map.of("gamma", Map.of("mean", 0.0167, "sd", 0.01)))))
                .post("/api/v1/fits").then().statusCode(400).body("errors.field", hasItem("priors.gamma"));
        given().contentType(ContentType.JSON).body(fit(Map.of("pinned", Map.of("d", 0.0), "priorSet", "ling-2025-el")))
                .post("/api/v1/fits").then().statusCode(400).body("errors.field", hasItem("priorSet"));
        given().contentType(ContentType.JSON).body(fit(Map.of("priorSet", "no-such-set")))
                .post("/api/v1/fits").then().statusCode(400).body("errors.field", hasItem("priorSet"));
        given().contentType(ContentType.JSON).body(fit(Map.of("priors", Map.of("E", Map.of("mean", -1, "sd", 0.1)))))
                .post("/api/v1/fits").then().statusCode(400).body("errors.field", hasItem("priors.E"));
        // joint fits: every EL coefficient pinned (nothing shared), a source without a matched pair, itself
        given().contentType(ContentType.JSON).body(fit(Map.of("joint", List.of("ling-2025-table3"),
                        "pinned", Map.of("a", 1.23, "d", -0.0761))))
                .post("/api/v1/fits").then().statusCode(400).body("errors.field", hasItem("joint"));
        given().contentType(ContentType.JSON).body(fit(Map.of("joint", List.of("deepseekmoe-2024-table1"))))
                .post("/api/v1/fits").then().statusCode(400).body("errors.field", hasItem("joint"));
        given().contentType(ContentType.JSON).body(fit(Map.of("joint", List.of("equal-resources-2025"))))
                .post("/api/v1/fits").then().statusCode(400).body("errors.field", hasItem("joint"));
        given().contentType(ContentType.JSON).body(fit(Map.of("joint", List.of("no-such-set"))))
                .post("/api/v1/fits").then().statusCode(400).body("errors.field", hasItem("joint"));
        assertEquals(before, given().get("/api/v1/fits").then().extract().jsonPath().getList("id").size());
    }

    /** DeepSeekMoE Table 1's two runs inside the model's domain (the dense run and DeepSeekMoE), Pile loss. */
    private static Map<String, Object> deepSeek(Map<String, Object> priors) {
        Map<String, Object> s = new java.util.HashMap<>(Map.of("dataset", "deepseekmoe-2024-table1",
                "metric", "pile_loss", "runIds", List.of("ds-t1-1", "ds-t1-5")));
        if (priors != null) {
            s.put("priors", priors);
        }
        return s;
    }

    /** Chinchilla's dense level (arXiv 2203.15556) as wide priors: E within ×1.35, A_N and B_D within ×2.7. */
    private static final Map<String, Object> CHINCHILLA_LEVEL = Map.of("E", Map.of("mean", 1.69, "sd", 0.3),
            "A_N", Map.of("mean", 406.4, "sd", 1.0), "B_D", Map.of("mean", 410.7, "sd", 1.0));

    @Test
    void aJoinedDataSetOfItsOwnLevelGetsItsOwnCoefficientsInItsUnit() {
        JsonPath f = ApiJson.of(given().contentType(ContentType.JSON)
                .body(fit(Map.of("priorSet", "ling-2025-el", "bootstrap", 5,
                        "sources", List.of(deepSeek(CHINCHILLA_LEVEL)))))
                .post("/api/v1/fits").then().statusCode(201).extract().response());
        assertEquals("deepseekmoe-2024-table1", f.getString("sources[0].dataset"));
        assertEquals("pile_loss", f.getString("sources[0].metric"));
        assertEquals(List.of("E", "A_N", "B_D"), List.copyOf(f.getMap("sources[0].coefficients").keySet()));
        assertEquals(410.7, f.getDouble("sources[0].priors.B_D.mean"));
        // its two Pile losses (2.060, 1.808) predicted in its own unit, far from the BPC level (~0.5) of the fit
        assertEquals(List.of("ds-t1-1", "ds-t1-5"), f.getList("sources[0].residuals.runId"));
        assertEquals(2.060, f.getDouble("sources[0].residuals[0].predicted"), 0.01);
        assertEquals(1.808, f.getDouble("sources[0].residuals[1].predicted"), 0.01);
        assertTrue(f.getDouble("coefficients.E.value") < 1, "the BPC level stays the BPC data's");
        // its MoE run in the leave-one-source-out list: EL of the joint fit and of the refit without it
        List<Map<String, Object>> checks = f.getList("joint.findAll { it.dataset == 'deepseekmoe-2024-table1' }");
        assertEquals(1, checks.size());
        assertEquals("ds-t1-5", checks.get(0).get("runId"));
        assertTrue(((Number) checks.get(0).get("withoutSource")).doubleValue() > 1);
        assertTrue(f.get("sources[0].coefficients.E.lower") != null, "a bootstrap interval");
        // and on the fit's page, with its unit
        given().accept("text/html").get("/fits/" + f.getString("id")).then().statusCode(200).body(
                org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("id=\"own-level-sources\""),
                        org.hamcrest.Matchers.containsString("<a href=\"/datasets/deepseekmoe-2024-table1\">"),
                        org.hamcrest.Matchers.containsString("pile_loss"),
                        org.hamcrest.Matchers.containsString("N(411, 1) on the log")));
    }

    @Test
    void badJoinedDataSetsOfTheirOwnLevelAre400sNamingTheFieldAndNothingIsStored() {
        int before = given().get("/api/v1/fits").then().extract().jsonPath().getList("id").size();
        // every EL coefficient pinned: the data sets would share no free EL coefficient
        given().contentType(ContentType.JSON).body(fit(Map.of("pinned", Map.of("a", 1.23, "d", -0.0761),
                        "sources", List.of(deepSeek(CHINCHILLA_LEVEL)))))
                .post("/api/v1/fits").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("sources"));
        // two runs for three coefficients without priors
        given().contentType(ContentType.JSON).body(fit(Map.of("sources", List.of(deepSeek(null)))))
                .post("/api/v1/fits").then().statusCode(400).body("errors.field", hasItem("sources[0].priors"));
        // a shared coefficient is no data set's own; a bad sd; a prior on a pinned coefficient
        given().contentType(ContentType.JSON).body(fit(Map.of("sources", List.of(deepSeek(Map.of("alpha",
                        Map.of("mean", 0.3, "sd", 0.1)))))))
                .post("/api/v1/fits").then().statusCode(400).body("errors.field", hasItem("sources[0].priors.alpha"));
        given().contentType(ContentType.JSON).body(fit(Map.of("sources", List.of(deepSeek(Map.of("E",
                        Map.of("mean", 1.69, "sd", 0)))))))
                .post("/api/v1/fits").then().statusCode(400).body("errors.field", hasItem("sources[0].priors.E"));
        Map<String, Object> pinnedAndPrior = deepSeek(CHINCHILLA_LEVEL);
        pinnedAndPrior.put("pinned", Map.of("E", 1.69));
        given().contentType(ContentType.JSON).body(fit(Map.of("sources", List.of(pinnedAndPrior))))
                .post("/api/v1/fits").then().statusCode(400).body("errors.field", hasItem("sources[0].priors.E"));
        // the fitted data set itself, an unknown one, a metric it lacks, an unknown run
        Map<String, Object> itself = deepSeek(CHINCHILLA_LEVEL);
        itself.put("dataset", "equal-resources-2025");
        given().contentType(ContentType.JSON).body(fit(Map.of("sources", List.of(itself))))
                .post("/api/v1/fits").then().statusCode(400).body("errors.field", hasItem("sources[0].dataset"));
        Map<String, Object> unknown = deepSeek(CHINCHILLA_LEVEL);
        unknown.put("dataset", "no-such-set");
        given().contentType(ContentType.JSON).body(fit(Map.of("sources", List.of(unknown))))
                .post("/api/v1/fits").then().statusCode(400).body("errors.field", hasItem("sources[0].dataset"));
        Map<String, Object> metric = deepSeek(CHINCHILLA_LEVEL);
        metric.put("metric", "val_bpc");
        given().contentType(ContentType.JSON).body(fit(Map.of("sources", List.of(metric))))
                .post("/api/v1/fits").then().statusCode(400).body("errors.field", hasItem("sources[0].metric"));
        Map<String, Object> run = deepSeek(CHINCHILLA_LEVEL);
        run.put("runIds", List.of("ds-t1-9"));
        given().contentType(ContentType.JSON).body(fit(Map.of("sources", List.of(run))))
                .post("/api/v1/fits").then().statusCode(400).body("errors.field", hasItem("sources[0].runIds"));
        assertEquals(before, given().get("/api/v1/fits").then().extract().jsonPath().getList("id").size());
    }

    @Test
    void aJointFitReportsLeaveOneSourceOut() {
        JsonPath f = ApiJson.of(given().contentType(ContentType.JSON)
                .body(fit(Map.of("priorSet", "ling-2025-el", "joint", List.of("ling-2025-table3"))))
                .post("/api/v1/fits").then().statusCode(201).extract().response());
        assertEquals("ling-2025-table3", f.getString("joint[0].dataset"));
        // Ling-mini-beta vs Dense-6.1B: 6.11/0.85
        assertEquals(7.19, f.getDouble("joint[0].observed"), 0.01);
        assertTrue(f.getDouble("joint[0].fitted") > f.getDouble("joint[0].withoutSource"));
        // a prediction far above the fitted runs' compute names the axis and the factor
        JsonPath p = ApiJson.of(given().contentType(ContentType.JSON).body("""
                {"shape":{"vocabSize":126464,"seqLen":4096,"layers":20,"denseLayers":1,"dModel":2048,"heads":16,"kvHeads":4,
                 "dFfn":5120,"experts":384,"topK":12,"sharedExperts":1,"dExpert":384},"computeFlops":1e24}""")
                .post("/api/v1/fits/" + f.getString("id") + "/predict").then().statusCode(200).extract().response());
        assertEquals("computeFlops", p.getString("outside[0].axis"));
        // Tables 11–13 span at most 5.5e21 FLOPs: 1e24 is at least 180× above
        assertTrue(p.getDouble("outside[0].factor") >= 180, "factor " + p.getDouble("outside[0].factor"));
        assertTrue(p.getString("outsideInWords").contains("compute"), p.getString("outsideInWords"));
    }

    @Test
    void thePublishedModelShowsEveryCoefficientUnderItsOwnName() {
        JsonPath p = ApiJson.of(given().get("/api/v1/fits/ling-2025").then().statusCode(200).extract().response());
        // Chinchilla, arXiv 2203.15556 Eq. 10: E 1.69, A 406.4, B 410.7, α 0.34, β 0.28
        assertEquals(1.69, p.getDouble("coefficients.E.value"));
        assertEquals(406.4, p.getDouble("coefficients.A_N.value"));
        assertEquals(410.7, p.getDouble("coefficients.B_D.value"));
        assertEquals(0.34, p.getDouble("coefficients.alpha.value"));
        assertEquals(0.28, p.getDouble("coefficients.beta.value"));
        // Ling, arXiv 2507.17702 Table 2: a 1.23, d −0.0761, γ 0.0167, β −0.117, A_start 0.0163, A_max 5.28e16
        assertEquals(1.23, p.getDouble("coefficients.a.value"));
        assertEquals(-0.0761, p.getDouble("coefficients.d.value"));
        assertEquals(0.0167, p.getDouble("coefficients.gamma.value"));
        assertEquals(-0.117, p.getDouble("coefficients.betaG.value"));
        assertEquals(0.0163, p.getDouble("coefficients.aStart.value"));
        assertEquals(5.28e16, p.getDouble("coefficients.aMax.value"), 1e12);
        assertEquals(11, p.getMap("coefficients").size());
        given().get("/api/v1/fits").then().body("find { it.id == 'ling-2025' }.coefficients.betaG.value",
                equalTo(-0.117f));
    }
}
