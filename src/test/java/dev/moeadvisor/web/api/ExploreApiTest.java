package dev.moeadvisor.web.api;

import dev.moeadvisor.law.EfficiencyLeverageLaw;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /api/v1/explore} against other endpoints and the paper: the best shape's loss and EL are what
 * {@code POST /api/v1/evaluate} says for that shape and budget, the dense baseline and the best MoE are the plan's,
 * the ling-2025 EL curve is Ling's law (arXiv 2507.17702, Eq. 13) at the best shape's A and G and is marked outside
 * exactly above the paper's fitted 6e20 FLOPs; bad input is a 400 naming the field, a too-large grid a 422.
 */
@QuarkusTest
class ExploreApiTest {

    static JsonPath post(String path, String body, int status) {
        return ApiJson.of(given().contentType(ContentType.JSON).body(body).when().post(path).then().statusCode(status)
                .extract().response());
    }

    @Test
    void theBestShapeIsWhatEvaluateAndThePlanSayForIt() {
        JsonPath x = post("/api/v1/explore", "{\"computeFlops\":1e21,\"model\":\"ling-2025\"}", 200);
        Map<String, Object> bestShape = x.getMap("best.shape");
        Map<String, Object> body = Map.of("shape", bestShape, "computeFlops", 1e21, "model", "ling-2025+chinchilla-2022");
        JsonPath e = ApiJson.of(given().contentType(ContentType.JSON).body(body).post("/api/v1/evaluate").then()
                .statusCode(200).extract().response());
        double loss = x.getDouble("best.predictedLoss");
        assertEquals(e.getDouble("lawFamily.loss"), loss, 1e-12 * loss);
        assertEquals(e.getDouble("efficiencyLeverage.value"), x.getDouble("best.efficiencyLeverage"), 1e-12);
        assertEquals(e.getDouble("activationRatio.ling"), x.getDouble("best.activationRatio.ling"), 0);
        assertEquals(e.getDouble("totalParams"), x.getDouble("best.totalParams"), 0);

        // the isoFLOP views agree with the best: it is the lowest of both
        List<Float> byA = x.getList("byActivation.loss");
        List<Float> byG = x.getList("byGranularity.findAll { it.loss != null }.loss");
        assertEquals(loss, x.getDouble("byActivation.min { it.loss }.loss"), 0);
        assertEquals(loss, x.getDouble("byGranularity.findAll { it.loss != null }.min { it.loss }.loss"), 0);
        assertTrue(byA.size() > 20 && byG.size() == 7, byA.size() + " / " + byG.size());
        assertTrue(x.getDouble("computeMillis") > 0);

        // the plan of the same budget: the same best MoE and the same dense baseline
        JsonPath plan = post("/api/v1/plan", "{\"computeFlops\":1e21,\"model\":\"ling-2025\"}", 201);
        assertEquals(plan.getDouble("recommended.predictedLoss"), loss, 0);
        assertEquals(plan.getMap("recommended.shape"), bestShape);
        assertEquals(plan.getDouble("denseBaseline.shape.predictedLoss"), x.getDouble("dense.predictedLoss"), 0);
        assertEquals(plan.getMap("denseBaseline.shape.shape"), x.getMap("dense.shape"));
        assertEquals(plan.getDouble("denseBaseline.lossGap"), x.getDouble("lossGap"), 1e-12);
    }

    @Test
    void elCurvesAreEachModelsLawAtTheBestShapeMarkedOutsideTheirRanges() {
        JsonPath x = post("/api/v1/explore", "{\"computeFlops\":1e21,\"model\":\"ling-2025\"}", 200);
        double a = x.getDouble("best.activationRatio.ling");
        double g = x.getDouble("best.granularity");
        List<String> models = x.getList("leverage.model");
        assertEquals("ling-2025", models.get(0));
        assertTrue(models.containsAll(List.of("krajewski-2024", "ludziejewski-2025", "ling-2025+chinchilla-2022",
                "ling-2025+epoch-2024")), models::toString);
        List<Map<String, Object>> ling = x.getList("leverage[0].points");
        assertEquals(13, ling.size());
        for (int i = 0; i < ling.size(); i++) {
            double c = x.getDouble("leverage[0].points[" + i + "].computeFlops");
            assertEquals(1e18 * Math.pow(1e8, i / 12.0), c, 1e-9 * c);
            double el = EfficiencyLeverageLaw.LING_2025.value(a, g, c);
            assertEquals(el, x.getDouble("leverage[0].points[" + i + "].efficiencyLeverage"), 1e-12 * el);
            // Ling's fitted range: C 1e18–6e20 (A and G lie inside it by the search's evidence bounds)
            assertEquals(c > 6e20, x.getBoolean("leverage[0].points[" + i + "].outside"), "C = " + c);
        }
        // evaluate says the same at the ends, and a law family's point is evaluate's EL for that law
        for (int i : new int[] {0, 12}) {
            double c = x.getDouble("leverage[0].points[" + i + "].computeFlops");
            JsonPath e = ApiJson.of(given().contentType(ContentType.JSON).body(Map.of("shape", x.getMap("best.shape"),
                    "computeFlops", c)).post("/api/v1/evaluate").then().statusCode(200).extract().response());
            assertEquals(e.getDouble("efficiencyLeverage.value"),
                    x.getDouble("leverage[0].points[" + i + "].efficiencyLeverage"), 1e-12);
        }
        int k = models.indexOf("krajewski-2024");
        double c = x.getDouble("leverage[" + k + "].points[3].computeFlops");
        JsonPath e = ApiJson.of(given().contentType(ContentType.JSON).body(Map.of("shape", x.getMap("best.shape"),
                "computeFlops", c, "model", "krajewski-2024")).post("/api/v1/evaluate").then().statusCode(200)
                .extract().response());
        double el = e.getDouble("lawFamily.efficiencyLeverage");
        assertEquals(el, x.getDouble("leverage[" + k + "].points[3].efficiencyLeverage"), 1e-9 * el);
        assertEquals(!e.getList("lawFamily.outside").isEmpty(), x.getBoolean("leverage[" + k + "].points[3].outside"));
    }

    @Test
    void fixesHoldTheBestAndTheOtherViewsReleaseTheirOwnAxis() {
        JsonPath x = post("/api/v1/explore", "{\"computeFlops\":1e21,\"uniqueTokens\":5e10,\"maxTotalParams\":2e10,"
                + "\"experts\":64,\"topK\":4,\"granularity\":8,\"model\":\"ling-2025\"}", 200);
        assertEquals(64, x.getInt("best.shape.experts"));
        assertEquals(4, x.getInt("best.shape.topK"));
        double g = x.getDouble("best.granularity");
        assertTrue(g >= 8 / Math.pow(2, 0.25) && g <= 8 * Math.pow(2, 0.25), "G = " + g);
        assertTrue(x.getDouble("best.totalParams") <= 2e10);
        assertEquals(2e10, x.getDouble("maxTotalParams"), 0);
        assertEquals(5e10, x.getDouble("uniqueTokens"), 0);
        // against G: E = 64, k = 4 in every band, the band at G = 8 being the best shape
        assertEquals(List.of(64), x.getList("byGranularity.findAll { it.loss != null }.experts").stream().distinct().toList());
        assertEquals(x.getDouble("best.predictedLoss"), x.getDouble("byGranularity.find { it.granularity == 8.0 }.loss"), 0);
        // against A: every (E, k) near G = 8, the fixed one flagged
        List<Integer> experts = x.getList("byActivation.experts");
        assertTrue(experts.stream().distinct().count() > 3, experts::toString);
        assertEquals(x.getDouble("best.predictedLoss"), x.getDouble("byActivation.findAll { it.fixed }.min { it.loss }.loss"), 0);
        assertEquals(List.of(64), x.getList("byActivation.findAll { it.fixed }.experts").stream().distinct().toList());
    }

    @Test
    void theDefaultModelIsTheDefaultFitWithLingsCurveBesideIt() throws InterruptedException {
        String fit = DefaultFit.awaitId();
        JsonPath x = post("/api/v1/explore", "{\"computeFlops\":1e20}", 200);
        assertEquals(fit, x.getString("model"));
        assertEquals(List.of(fit, "ling-2025"), x.getList("leverage.findAll { !it.family }.model"));
        assertEquals(4, x.getList("leverage.findAll { it.family }").size());
    }

    /**
     * A fit of the bundled runs' Tables 12 and 13 (seed 7, no bootstrap): the page offers it by id next to the Ling
     * families, and not the laws without Ling's EL law; explored with it, the best shape's loss and the dense baseline
     * are those of a plan of the same budget ranked with that fit.
     */
    @Test
    void aStoredFitIsOfferedByThePageAndExploredWithItsOwnLaw() {
        String fit = given().contentType(ContentType.JSON).body(Map.of("dataset", "equal-resources-2025", "metric",
                        "val_bpc", "filter", Map.of("tables", List.of(12, 13)), "bootstrap", 0, "seed", 7))
                .post("/api/v1/fits").then().statusCode(201).extract().path("id").toString();
        String html = given().get("/explore").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<option value=\"" + fit + "\">Fit #" + fit + " of data set equal-resources-2025"),
                "the stored fit is offered");
        assertTrue(html.contains("<option value=\"ling-2025+chinchilla-2022\">"), "a Ling family is offered");
        assertTrue(!html.contains("value=\"krajewski-2024\"") && !html.contains("value=\"ludziejewski-2025\""),
                "laws the explorer refuses are not offered");

        String budget = "{\"computeFlops\":3e20,\"model\":\"" + fit + "\"}";
        JsonPath x = post("/api/v1/explore", budget, 200);
        assertEquals(fit, x.getString("model"));
        JsonPath plan = post("/api/v1/plan", budget, 201);
        assertEquals(plan.getDouble("recommended.predictedLoss"), x.getDouble("best.predictedLoss"), 0);
        assertEquals(plan.getMap("recommended.shape"), x.getMap("best.shape"));
        assertEquals(plan.getMap("denseBaseline.shape.shape"), x.getMap("dense.shape"));
    }

    @Test
    void badInputIsA400NamingTheField() {
        given().contentType(ContentType.JSON).body("{\"computeFlops\":-1}").post("/api/v1/explore").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("computeFlops"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/explore").then()
                .statusCode(400).body("errors.field", hasItem("computeFlops"));
        given().contentType(ContentType.JSON).body("{\"computeFlops\":1e21,\"experts\":100}").post("/api/v1/explore")
                .then().statusCode(400).body("errors.field", hasItem("experts"))
                .body("detail", containsString("searched expert counts"));
        given().contentType(ContentType.JSON).body("{\"computeFlops\":1e21,\"topK\":12}").post("/api/v1/explore")
                .then().statusCode(400).body("errors.field", hasItem("topK"));
        given().contentType(ContentType.JSON).body("{\"computeFlops\":1e21,\"granularity\":40}").post("/api/v1/explore")
                .then().statusCode(400).body("errors.field", hasItem("granularity"));
        given().contentType(ContentType.JSON).body("{\"computeFlops\":1e21,\"uniqueTokens\":\"many\"}")
                .post("/api/v1/explore").then().statusCode(400).body("errors.field", hasItem("uniqueTokens"));
        given().contentType(ContentType.JSON).body("{\"computeFlops\":1e21,\"model\":\"no-such-fit\"}")
                .post("/api/v1/explore").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("unknown-model"));
        // a law family without Ling's EL law cannot rank the explorer's views: a 400 naming the model, not a 500
        given().contentType(ContentType.JSON).body("{\"computeFlops\":1e21,\"model\":\"krajewski-2024\"}")
                .post("/api/v1/explore").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("model")).body("detail", containsString("POST /api/v1/plan"));
        given().contentType(ContentType.JSON).body("{\"computeFlops\":1e21,\"maxTotalParams\":1e6,\"model\":\"ling-2025\"}")
                .post("/api/v1/explore").then().statusCode(422).body("type", equalTo("infeasible-budget"));
    }

    @Test
    void aGridAboveThePlansWorkBudgetIsRefusedWith422() {
        given().contentType(ContentType.JSON).body("{\"computeFlops\":1e24,\"maxExperts\":65536,\"maxTopK\":128,"
                + "\"minGranularity\":0.01,\"maxGranularity\":1024,\"model\":\"ling-2025\"}").post("/api/v1/explore")
                .then().statusCode(422).contentType("application/problem+json").body("type", equalTo("plan-too-large"))
                .body("errors.field", hasItems("maxExperts", "maxTopK"));
    }
}
