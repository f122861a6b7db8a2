package dev.moeadvisor.web.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9 over HTTP: dense recommendations, training schedule, allocation, bounds, sweep rows and compute limits. */
@QuarkusTest
class HonestPlanApiTest {

    static JsonPath plan(Object body) {
        return PlanApiTest.plan(body);
    }

    @Test
    void aFitUnderWhichMoeNeverPaysRecommendsDenseInJsonSweepAndCsv() {
        // a = 1, d = 0 pinned: EL = Â^exponent with exponent ≥ 0.795 > 0 and Â < 1, so EL < 1 for every MoE
        String id = ApiJson.of(given().contentType(ContentType.JSON).body(Map.of("dataset", "equal-resources-2025",
                        "metric", "val_bpc", "filter", Map.of("tables", List.of(9, 10, 11, 12, 13)),
                        "pinned", Map.of("a", 1.0, "d", 0.0), "seed", 5, "bootstrap", 10))
                .post("/api/v1/fits").then().statusCode(201).extract().response()).getString("id");
        JsonPath p = plan(Map.of("computeFlops", 1e22, "model", id));
        assertFalse(p.getBoolean("recommended.moe"));
        assertFalse(p.getBoolean("moeRecommended"));
        assertEquals("under this model MoE does not pay at this budget", p.getString("verdict"));
        assertTrue(p.getString("rationale[0]").startsWith("Under this model MoE does not pay at this budget"));
        assertTrue(p.getBoolean("bestMoe.moe") && p.getDouble("bestMoe.efficiencyLeverage") < 1);
        assertTrue(p.getBoolean("alternatives[0].moe"));
        assertEquals(p.getInt("model.bootstrapModels"), p.getInt("pairedUncertainty.models"));
        assertTrue(p.getInt("pairedUncertainty.models") > 0);
        assertEquals("step-law-2025", p.getString("training.law"), "a dense shape: Step Law");
        // the page says it first
        given().get(p.getString("permalink")).then().statusCode(200)
                .body(containsString("Under this model MoE does not pay at this budget."));

        Map<String, Object> sweep = Map.of("template", Map.of("model", id), "budgets",
                List.of(Map.of("computeFlops", 1e21), Map.of("computeFlops", 1e23)));
        List<Map<String, Object>> rows = given().contentType(ContentType.JSON).body(sweep).post("/api/v1/plan/sweep")
                .then().statusCode(200).extract().jsonPath().getList("$");
        rows.forEach(r -> assertEquals(Boolean.FALSE, r.get("moe")));
        String csv = given().contentType(ContentType.JSON).accept("text/csv").body(sweep).post("/api/v1/plan/sweep")
                .then().statusCode(200).extract().asString();
        String[] lines = csv.strip().split("\n");
        assertTrue(lines[0].startsWith("compute_flops,unique_tokens,feasible,moe,"), lines[0]);
        assertTrue(lines[1].split(",")[3].equals("false"), lines[1]);
    }

    @Test
    void planCarriesOneTrainingScheduleAllocationAndTheBoundsItSitsOn() {
        // 1e20 FLOPs, published law, seqLen 2048: Ling Eq. 3, 0.0694·1e20^0.3644 = 1,346,975 tokens → 658 sequences
        JsonPath p = plan(Map.of("computeFlops", 1e20, "seqLen", 2048, "model", "ling-2025"));
        assertTrue(p.getBoolean("recommended.moe"));
        assertEquals("ling-2025-hparams", p.getString("training.law"));
        assertEquals(1.0129e-3, p.getDouble("training.learningRate"), 5e-8);
        assertEquals(658, p.getLong("training.batchSequences"));
        assertEquals(2048, p.getInt("training.seqLen"));
        double tokens = p.getDouble("recommended.tokens");
        assertEquals((long) Math.ceil(tokens / (658.0 * 2048)), p.getLong("training.steps"));
        assertEquals("step-law-2025", p.getString("training.crossCheck.law"));
        assertEquals(tokens / p.getDouble("recommended.activeParams"), p.getDouble("allocation.tokensPerActiveParam"),
                1e-6 * tokens / p.getDouble("recommended.activeParams"));
        // Ling Table 1 (MoE): D_opt = 5.2232·1e20^0.4905 = 5.2232·10^9.81 = 3.373e10
        assertEquals(3.373e10, p.getDouble("allocation.optimalTokens"), 0.002e10);
        // the recommendation uses 512 experts, the cap: the cap is reported with what relaxing it gains
        assertEquals(512, p.getInt("recommended.shape.experts"));
        List<Map<String, Object>> bounds = p.getList("searchBounds");
        assertTrue(bounds.stream().anyMatch(b -> "maxExperts".equals(b.get("bound"))), bounds.toString());
        assertFalse("none".equals(p.getString("bindingConstraint")));
        // the plan CSV carries the schedule of every returned shape
        String csv = given().get(p.getString("permalink") + ".csv").then().statusCode(200).extract().asString();
        String[] header = csv.split("\n")[0].split(",");
        String[] rec = csv.split("\n")[1].split(",");
        int col = List.of(header).indexOf("batch_sequences");
        assertEquals("658", rec[col]);
        assertEquals(Long.toString(p.getLong("training.steps")), rec[List.of(header).indexOf("optimizer_steps")]);
    }

    @Test
    void computeLimitsMatchWhatTheSearchCanBuild() {
        // 1e30 FLOPs used to pass validation and fail with "shape.dFfn: must be at most 1048576"
        JsonPath p = plan(Map.of("computeFlops", 1e30, "model", "ling-2025"));
        assertTrue(p.getBoolean("recommended.moe"));
        given().contentType(ContentType.JSON).body(Map.of("computeFlops", 1e33, "model", "ling-2025"))
                .post("/api/v1/plan").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("computeFlops"));
    }
}
