package dev.moeadvisor.web.api;

import dev.moeadvisor.law.family.Axis;
import dev.moeadvisor.law.family.ImpliedLeverage;
import dev.moeadvisor.law.family.JointMoeLaw;
import dev.moeadvisor.law.family.KrajewskiLaw;
import dev.moeadvisor.law.family.LawPoint;
import dev.moeadvisor.law.family.LingComposedLaw;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MoE law families as {@code model} of evaluate, predict, plan and sweep. */
@QuarkusTest
class LawFamilyModelApiTest {

    static final String QWEN3 = LawsApiTest.QWEN3;
    static final ModelShape SHAPE = LawsApiTest.QWEN3_SHAPE;

    static JsonPath post(String path, String body, int status) {
        return ApiJson.of(given().contentType(ContentType.JSON).body(body).when().post(path).then().statusCode(status)
                .extract().response());
    }

    /** The JSON text of a nested member (numbers exactly as sent). */
    static String raw(String json, String... path) {
        try {
            com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            for (String key : path) {
                n = n.isArray() ? n.get(Integer.parseInt(key)) : n.get(key);
            }
            return n.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void evaluateWithALawFamilyAddsItsLossItsElAndItsRangesByTheEnvelopeRule() {
        JsonPath e = post("/api/v1/evaluate", "{\"shape\":" + QWEN3 + ",\"computeFlops\":1e20,\"model\":\"krajewski-2024\"}",
                200);
        ImpliedLeverage core = ImpliedLeverage.of(KrajewskiLaw.PUBLISHED, SHAPE, 1e20);
        assertEquals("krajewski-2024", e.getString("lawFamily.model"));
        assertTrue(e.getString("lawFamily.unit").contains("C4"));
        assertEquals(core.loss(), e.getDouble("lawFamily.loss"), 1e-12);
        assertEquals(core.leverage(), e.getDouble("lawFamily.efficiencyLeverage"), 1e-9 * core.leverage());
        assertEquals(1e20, e.getDouble("lawFamily.computeFlops"), 0);
        // G in Krajewski's convention: 4·2048/768 = 10.67 (inside 1–16); outside: C 1e20 above its 2e19 (5×), 30B
        // total parameters above 3.7B, the tokens, and the expansion rate 128/8 = 16 below its E = 64 (4×)
        assertEquals(4.0 * 2048 / 768, e.getDouble("lawFamily.variables.granularity"), 1e-12);
        assertEquals(List.of("computeFlops", "params", "tokens", "experts"), e.getList("lawFamily.outside.axis"));
        assertEquals(1e20 / 2e19, e.getDouble("lawFamily.outside[0].factor"), 1e-12);
        assertEquals(ShapeMetrics.of(SHAPE).totalParams() / 3.7e9, e.getDouble("lawFamily.outside[1].factor"), 1e-9);
        assertEquals(64.0 / 16, e.getDouble("lawFamily.outside[3].factor"), 1e-12);
        assertTrue(e.getString("lawFamily.outsideInWords").startsWith("compute 5.0× above the fitted range"),
                e.getString("lawFamily.outsideInWords"));
        // each axis named as the law counts it, in words (not its API key)
        assertTrue(e.getString("lawFamily.outsideInWords").contains("total non-embedding parameters "
                + String.format(java.util.Locale.ROOT, "%.2g", ShapeMetrics.of(SHAPE).totalParams() / 3.7e9)
                + "× above the fitted range"), e.getString("lawFamily.outsideInWords"));
        assertTrue(e.getString("lawFamily.outsideInWords").contains("expansion rate E 4.0× below the fitted range (64 only)"),
                e.getString("lawFamily.outsideInWords"));
        // the Ling laws' answer is unchanged beside it
        assertEquals(ShapeMetrics.of(SHAPE).activeParams(), e.getDouble("activeParams"), 0);
    }

    @Test
    void tokensBuyTheLawsOwnComputeAndAPointInsideEveryRangeHasNoOutside() {
        JsonPath e = post("/api/v1/evaluate", "{\"shape\":" + QWEN3 + ",\"tokens\":2e10,\"model\":\"ling-2025+chinchilla-2022\"}",
                200);
        // Ling's FLOP model, M = 3·(2·N_active + 4·S·L·n_h·d_h) a token (the advisor's own)
        double c = 2e10 * ShapeMetrics.of(SHAPE).flopsPerTokenTraining();
        assertEquals(c, e.getDouble("lawFamily.computeFlops"), 1e-6 * c);
        LawPoint p = LingComposedLaw.WITH_CHINCHILLA.point(SHAPE, c);
        assertEquals(2e10, p.get(Axis.TOKENS), 1e-3);
        assertEquals(LingComposedLaw.WITH_CHINCHILLA.loss(p), e.getDouble("lawFamily.loss"), 1e-12);
        // A = 6.25%, G = 5.33, C ≈ 4e19: inside Ling's C 1e18–6e20, A 1/128–1, G 2–16
        assertEquals(List.of(), e.getList("lawFamily.outside"));
        assertEquals("", e.getString("lawFamily.outsideInWords"));
    }

    @Test
    void withoutAModelTheAnswerIsTheLingLawsAlone() {
        JsonPath e = post("/api/v1/evaluate", "{\"shape\":" + QWEN3 + ",\"computeFlops\":1e20}", 200);
        assertNull(e.get("lawFamily"));
        JsonPath named = post("/api/v1/evaluate", "{\"shape\":" + QWEN3 + ",\"computeFlops\":1e20,\"model\":\"ling-2025\"}",
                200);
        assertNull(named.get("lawFamily"));
        assertEquals(e.getDouble("efficiencyLeverage.value"), named.getDouble("efficiencyLeverage.value"), 0);
    }

    @Test
    void badModelsAndDenseShapesAreRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"shape\":" + QWEN3 + ",\"computeFlops\":1e20,\"model\":\"nope\"}")
                .when().post("/api/v1/evaluate").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("model")).body("errors[0].message", containsString("krajewski-2024"));
        String dense = "{\"vocabSize\":32000,\"seqLen\":2048,\"layers\":12,\"dModel\":768,\"heads\":12,\"headDim\":64,"
                + "\"dFfn\":2048}";
        given().contentType(ContentType.JSON).body("{\"shape\":" + dense + ",\"computeFlops\":1e20,\"model\":\"krajewski-2024\"}")
                .when().post("/api/v1/evaluate").then().statusCode(400).body("errors[0].field", equalTo("shape.experts"));
        given().contentType(ContentType.JSON).body("{\"shape\":" + dense + ",\"computeFlops\":1e20}")
                .when().post("/api/v1/fits/ludziejewski-2025/predict").then().statusCode(400)
                .body("errors[0].field", equalTo("shape.experts"));
    }

    @Test
    void predictWithALawFamilyAnswersInItsUnit() {
        JsonPath p = post("/api/v1/fits/ludziejewski-2025/predict", "{\"shape\":" + QWEN3 + ",\"computeFlops\":1e20}", 200);
        ImpliedLeverage core = ImpliedLeverage.of(JointMoeLaw.PUBLISHED, SHAPE, 1e20);
        assertEquals("ludziejewski-2025", p.getString("model"));
        assertTrue(p.getString("unit").contains("FineWeb-Edu"));
        assertEquals(core.loss(), p.getDouble("predicted"), 1e-12);
        assertEquals(core.leverage(), p.getDouble("efficiencyLeverage"), 1e-9 * core.leverage());
        assertNull(p.get("lower"));
        // top-8 of 128 experts of width 768 at d_model 2048: topK and granularity 3·2048/768 = 8 outside top-1, G = 1
        List<String> axes = p.getList("outside.axis");
        assertTrue(axes.contains("topK") && axes.contains("granularity"), "outside: " + axes);
        assertFalse(p.getString("outsideInWords").isEmpty());
    }

    @Test
    void plansAndSweepsRankWithALawFamilyCheckedAgainstEvaluate() {
        String planJson = given().contentType(ContentType.JSON)
                .body("{\"computeFlops\":1e21,\"model\":\"krajewski-2024\",\"maxExperts\":64}").when()
                .post("/api/v1/plan").then().statusCode(201).extract().asString();
        JsonPath p = JsonPath.from(planJson).using(io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
                .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
        assertEquals("krajewski-2024", p.getString("model.id"));
        assertTrue(p.getString("model.unit").contains("C4"), p.getString("model.unit"));
        assertEquals(0, p.getInt("model.bootstrapModels"));
        assertNull(p.get("predictedLossInterval"));
        assertTrue(p.getString("rationale[0]").contains("no uncertainty estimate"), p.getString("rationale[0]"));
        // the recommendation's loss and EL are the law's for that shape (POST /api/v1/evaluate with the same model)
        String shape = raw(planJson, "recommended", "shape");
        JsonPath e = post("/api/v1/evaluate", "{\"shape\":" + shape + ",\"computeFlops\":1e21,\"model\":\"krajewski-2024\"}",
                200);
        assertEquals(e.getDouble("lawFamily.loss"), p.getDouble("recommended.predictedLoss"), 1e-12);
        assertEquals(e.getDouble("lawFamily.efficiencyLeverage"), p.getDouble("recommended.efficiencyLeverage"),
                1e-9 * e.getDouble("lawFamily.efficiencyLeverage"));
        assertEquals(e.getDouble("lawFamily.tokens"), p.getDouble("recommended.tokens"), 1e-6 * e.getDouble("lawFamily.tokens"));
        // its fitted ranges by the one rule: the same axes as evaluate names, in the same words
        assertEquals(e.getList("lawFamily.outside.axis"), p.getList("recommended.outside.axis"));
        assertEquals(e.getString("lawFamily.outsideInWords"),
                String.join("; ", p.<String>getList("recommended.outside.description")));
        String sweepJson = given().contentType(ContentType.JSON)
                .body("{\"template\":{\"model\":\"ludziejewski-2025\",\"maxExperts\":64},\"budgets\":[{\"computeFlops\":1e20},{\"computeFlops\":1e21}]}")
                .when().post("/api/v1/plan/sweep").then().statusCode(200).extract().asString();
        JsonPath rows = JsonPath.from(sweepJson).using(io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
                .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
        assertEquals(2, rows.getList("$").size());
        // a sweep row is the plan of that budget under the same law: its loss is evaluate's for the plan's shape
        String plan20 = given().contentType(ContentType.JSON)
                .body("{\"computeFlops\":1e20,\"model\":\"ludziejewski-2025\",\"maxExperts\":64}").when()
                .post("/api/v1/plan").then().statusCode(201).extract().asString();
        JsonPath e0 = post("/api/v1/evaluate", "{\"shape\":" + raw(plan20, "recommended", "shape")
                + ",\"computeFlops\":1e20,\"model\":\"ludziejewski-2025\"}", 200);
        assertEquals(e0.getDouble("lawFamily.loss"), rows.getDouble("[0].predictedLoss"), 1e-12);
        assertEquals(e0.getInt("shape.experts"), rows.getInt("[0].experts"));
    }

    /** The message of a plan's warning with this code, or null. */
    static String warning(JsonPath plan, String code) {
        List<String> codes = plan.getList("warnings.code");
        int i = codes.indexOf(code);
        return i < 0 ? null : plan.getString("warnings[" + i + "].message");
    }

    @Test
    void aFamilyPlansSentencesAreTheLawsWhileTheDefaultModelsStayTheModels() {
        String planJson = given().contentType(ContentType.JSON)
                .body("{\"computeFlops\":1e21,\"model\":\"krajewski-2024\",\"maxExperts\":64}").when()
                .post("/api/v1/plan").then().statusCode(201).extract().asString();
        JsonPath p = JsonPath.from(planJson);
        JsonPath e = post("/api/v1/evaluate", "{\"shape\":" + raw(planJson, "recommended", "shape")
                + ",\"computeFlops\":1e21,\"model\":\"krajewski-2024\"}", 200);
        String words = e.getString("lawFamily.outsideInWords");
        assertFalse(words.isEmpty(), "at 1e21 FLOPs with E ≤ 64 the recommendation lies outside Krajewski's ranges");
        // outside the law's fitted ranges, named by the one wording (evaluate's), not "the model's runs"
        assertEquals("The recommendation lies outside the fitted ranges of " + KrajewskiLaw.PUBLISHED.name() + " ("
                + KrajewskiLaw.PUBLISHED.citation().text() + "): " + words + ".", warning(p, "outside-evidence"));
        String rationale = String.join("\n", p.<String>getList("rationale"));
        assertTrue(rationale.contains(KrajewskiLaw.PUBLISHED.name() + " implies EL = "), rationale);
        assertFalse(rationale.contains("the EL law gives"), rationale);
        assertTrue(rationale.contains(KrajewskiLaw.PUBLISHED.name() + "'s own compute-optimal dense model"), rationale);
        assertTrue(warning(p, "search-bounds-not-probed").contains("the search bounds were not probed"));
        // the default fit's plan keeps its wording: Ling's EL law, outside its runs, bounds probed
        JsonPath d = ApiJson.of(given().contentType(ContentType.JSON).body("{\"computeFlops\":1e24}").when()
                .post("/api/v1/plan").then().statusCode(201).extract().response());
        assertTrue(warning(d, "outside-evidence").startsWith("The recommendation lies outside the model's runs: compute "),
                warning(d, "outside-evidence"));
        String lingRationale = String.join("\n", d.<String>getList("rationale"));
        assertTrue(lingRationale.contains("; the EL law gives EL = "), lingRationale);
        assertFalse(lingRationale.contains("implies EL"), lingRationale);
        assertNull(warning(d, "search-bounds-not-probed"));
        assertNull(warning(d, "law-allocation-far"));
    }

    @Test
    void aPlansLawRecommendationsCarryEveryLawEachCheckedAgainstEvaluate() {
        String planJson = given().contentType(ContentType.JSON)
                .body("{\"computeFlops\":1e21,\"model\":\"ling-2025-epoch\",\"maxExperts\":64}").when()
                .post("/api/v1/plan").then().statusCode(201).extract().asString();
        JsonPath plan = JsonPath.from(planJson);
        String link = plan.getString("links.lawRecommendations");
        assertEquals("/api/v1/plans/" + plan.getLong("id") + "/laws", link);
        String lawsJson = given().when().get(link).then().statusCode(200).extract().asString();
        JsonPath laws = JsonPath.from(lawsJson).using(io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
                .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
        // the plan's model, ling-2025, and the four published families
        assertEquals(List.of("ling-2025-epoch", "ling-2025", "krajewski-2024", "ludziejewski-2025",
                "ling-2025+chinchilla-2022", "ling-2025+epoch-2024"), laws.getList("laws.model"));
        assertTrue(laws.getBoolean("laws[0].planModel"));
        assertEquals(JsonPath.from(planJson).getDouble("recommended.predictedLoss"), laws.getDouble("laws[0].predictedLoss"),
                1e-6);
        List<String> ids = laws.getList("laws.model");
        for (int i = 1; i < ids.size(); i++) {
            String id = ids.get(i);
            assertTrue(laws.getBoolean("laws[" + i + "].feasible"), id);
            String shape = raw(lawsJson, "laws", Integer.toString(i), "shape");
            // ling-2025's loss is the Ling family's with the same dense law (the composed model, tokens C/M), its EL
            // Ling's law as evaluate gives it
            String as = id.equals("ling-2025") ? "ling-2025+chinchilla-2022" : id;
            JsonPath e = post("/api/v1/evaluate", "{\"shape\":" + shape + ",\"computeFlops\":1e21,\"model\":\"" + as
                    + "\"}", 200);
            assertEquals(e.getDouble("lawFamily.loss"), laws.getDouble("laws[" + i + "].predictedLoss"),
                    1e-12 * e.getDouble("lawFamily.loss"), id);
            double el = id.equals("ling-2025") ? e.getDouble("efficiencyLeverage.value")
                    : e.getDouble("lawFamily.efficiencyLeverage");
            assertEquals(el, laws.getDouble("laws[" + i + "].efficiencyLeverage"), 1e-9 * el, id);
            if (!id.equals("ling-2025")) {
                assertEquals(e.getString("lawFamily.outsideInWords"), laws.getString("laws[" + i + "].outsideInWords"), id);
                assertEquals(e.getList("lawFamily.outside").isEmpty(), laws.getBoolean("laws[" + i + "].inRange"), id);
            }
            assertEquals(e.getInt("shape.experts"), laws.getInt("laws[" + i + "].experts"), id);
            assertEquals(e.getDouble("granularity"), laws.getDouble("laws[" + i + "].granularity"), 1e-12, id);
        }
        given().when().get("/api/v1/plans/999999999/laws").then().statusCode(404);
    }

    @Test
    void unknownModelOfAPlanIs400NamingModel() {
        given().contentType(ContentType.JSON).body("{\"computeFlops\":1e21,\"model\":\"krajewski-2099\"}")
                .when().post("/api/v1/plan").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("model")).body("detail", containsString("law family"));
    }
}
