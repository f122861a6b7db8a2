package dev.moeadvisor.web.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plan from a GPU budget over HTTP: the budget echoed (also on the permalink), a layout that fits, wall-clock. */
@QuarkusTest
class GpuPlanApiTest {

    static final String H100_MONTH = """
            {"gpuBudget":{"gpu":"H100","count":1024,"hours":720,"mfu":0.4},"uniqueTokens":15e12,"model":"ling-2025"}""";

    @Test
    void thousandH100sForAMonthIsEchoedWithALayoutAndTheClock() {
        JsonPath p = ApiJson.of(given().contentType(ContentType.JSON).body(H100_MONTH).post("/api/v1/plan")
                .then().statusCode(201).extract().response());
        // 1024 × 720 h × 3600 × 989e12 × 0.4 = 1.0500046848e24 FLOPs
        assertEquals(1.0500046848e24, p.getDouble("computeFlops"), 1e12);
        JsonPath again = ApiJson.of(given().get(p.getString("url")).then().statusCode(200).extract().response());
        for (JsonPath r : new JsonPath[]{p, again}) {
            assertEquals("H100", r.getString("hardware.gpu"));
            assertEquals(1024.0, r.getDouble("hardware.count"));
            assertEquals(720.0, r.getDouble("hardware.hours"));
            assertEquals(0.4, r.getDouble("hardware.mfu"));
            assertEquals(80.0, r.getDouble("hardware.memoryGb"));
            assertEquals(1.0500046848e24, r.getDouble("hardware.computeFlops"), 1e12);
            assertTrue(r.getBoolean("hardware.recommendedLayout.fits"));
            assertTrue(r.getDouble("hardware.recommendedLayout.best.totalGb") <= 80.0);
            assertEquals(1024, r.getInt("hardware.recommendedLayout.best.gpus"));
            assertEquals(720.0, r.getDouble("hardware.denseHours"), 1e-6);
            // default MoE MFU ratio 0.8: the MoE runs at 0.32 MFU, so C takes 720/0.8 = 900 h; leverage × 0.8
            assertTrue(r.getBoolean("recommended.moe"));
            assertEquals(0.8, r.getDouble("hardware.moeMfuRatio"));
            assertEquals(900.0, r.getDouble("hardware.recommendedHours"), 1e-6);
            assertEquals(0.8 * r.getDouble("hardware.elFlops"), r.getDouble("hardware.elGpuHours"), 1e-9);
            assertEquals(r.getDouble("bestMoe.efficiencyLeverage"), r.getDouble("hardware.elFlops"), 1e-12);
            assertTrue(r.getDouble("hardware.allToAll.ratio") > 0);
            assertEquals(r.getDouble("hardware.allToAll.ratio") > 1, r.getBoolean("hardware.allToAll.exceedsCompute"));
        }
    }

    @Test
    void moeAtDenseMfuTakesTheBudgetsHours() {
        JsonPath p = ApiJson.of(given().contentType(ContentType.JSON)
                .body(H100_MONTH.replace("\"model\"", "\"moeMfuRatio\":1,\"model\""))
                .post("/api/v1/plan").then().statusCode(201).extract().response());
        assertEquals(720.0, p.getDouble("hardware.recommendedHours"), 1e-6);
        assertNull(p.get("hardware.recommendedCost"), "no price, no cost");
    }

    @Test
    void aPriceGivesTheCost() {
        JsonPath p = ApiJson.of(given().contentType(ContentType.JSON)
                .body(H100_MONTH.replace("\"mfu\":0.4}", "\"mfu\":0.4,\"pricePerGpuHour\":2}"))
                .post("/api/v1/plan").then().statusCode(201).extract().response());
        // MoE at 900 h: 1024 × 900 × 2 = 1,843,200; dense at 720 h: 1024 × 720 × 2 = 1,474,560
        assertEquals(1_843_200.0, p.getDouble("hardware.recommendedCost"), 1e-6);
        assertEquals(1_474_560.0, p.getDouble("hardware.denseCost"), 1e-6);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"gpu\":\"V100\",\"count\":8,\"hours\":10,\"mfu\":0.4}|gpuBudget.gpu",
            "{\"gpu\":\"H100\",\"count\":8,\"hours\":10,\"mfu\":0.4,\"memoryGb\":0}|gpuBudget.memoryGb",
            "{\"gpu\":\"H100\",\"count\":8,\"hours\":10,\"mfu\":0.4,\"memoryGb\":-1}|gpuBudget.memoryGb",
            "{\"gpu\":\"H100\",\"count\":8.5,\"hours\":10,\"mfu\":0.4}|gpuBudget.count",
            "{\"gpu\":\"H100\",\"count\":8,\"hours\":10,\"mfu\":0.4,\"pricePerGpuHour\":-2}|gpuBudget.pricePerGpuHour",
    })
    void badGpuBudgetIsAProblemNamingTheField(String gpuBudget, String field) {
        given().contentType(ContentType.JSON).body("{\"gpuBudget\":" + gpuBudget + ",\"model\":\"ling-2025\"}")
                .post("/api/v1/plan").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void badMfuRatioIsAProblemNamingTheField() {
        given().contentType(ContentType.JSON).body(H100_MONTH.replace("\"model\"", "\"moeMfuRatio\":0,\"model\""))
                .post("/api/v1/plan").then().statusCode(400).body("errors.field", hasItem("moeMfuRatio"));
    }
}
