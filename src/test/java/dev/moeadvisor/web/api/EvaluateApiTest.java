package dev.moeadvisor.web.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code /api/v1/evaluate} contract over real HTTP. */
@QuarkusTest
class EvaluateApiTest {

    /** Ling-mini-beta (arXiv 2507.17702, Table 3): E 384, k 12, one shared expert, d_expert 384, d_model 2048. */
    static final String LING_MINI_BETA = """
            {"vocabSize":126464,"seqLen":4096,"layers":20,"denseLayers":1,"dModel":2048,"heads":16,"kvHeads":4,
             "dFfn":5120,"experts":384,"topK":12,"sharedExperts":1,"dExpert":384}""";

    static JsonPath evaluate(String body) {
        return ApiJson.of(given().contentType(ContentType.JSON).body(body).when().post("/api/v1/evaluate")
                .then().statusCode(200).contentType(ContentType.JSON).extract().response());
    }

    @Test
    void lingMiniBetaAtOneE22Flops() {
        JsonPath r = evaluate("{\"shape\":" + LING_MINI_BETA + ",\"computeFlops\":1e22}");
        // A = (12 + 1)/(384 + 1) = 13/385; G = 2·2048/384 = 10.67. Ling reports EL ≈ 7 for this model at ~1e22.
        assertEquals(13.0 / 385, r.getDouble("activationRatio.ling"), 1e-12);
        assertEquals(12.0 / 384, r.getDouble("activationRatio.routed"), 1e-12);
        assertEquals(2 * 2048.0 / 384, r.getDouble("granularity"), 1e-12);
        assertEquals(17.5e9, r.getDouble("totalParams"), 0.015 * 17.5e9);
        assertEquals(0.85e9, r.getDouble("activeParams"), 0.015 * 0.85e9);
        double el = r.getDouble("efficiencyLeverage.value");
        assertTrue(el > 6.5 && el < 7.5, "EL " + el);
        assertEquals("ling-2025", r.getString("efficiencyLeverage.law"));
        assertTrue(r.getBoolean("efficiencyLeverage.extrapolated"), "1e22 > 6e20: outside the fitted range");
        // derived from the evidence envelope, the one rule: true exactly when some axis lies outside Ling's fit
        assertEquals("computeFlops", r.getString("outside[0].axis"));
        assertTrue(r.getList("warnings").get(0).toString().startsWith("EL is extrapolated, outside the EL law's evidence:"
                + " compute 17× above the largest run"), r.getList("warnings").toString());
        assertEquals(1e22, r.getDouble("computeFlops"), 1e10);
        assertEquals(1e22 / r.getDouble("flopsPerToken.training"), r.getDouble("tokens"), 1e3);
        assertEquals(el * 1e22, r.getDouble("denseEquivalentComputeFlops"), 1e13);
        assertEquals("2507.17702", r.getString("efficiencyLeverage.citation.arxiv"));
        assertTrue(r.getDouble("computeOptimal.moe.tokens") > 0);
        assertTrue(r.getDouble("hyperParameters.ling.learningRate") > 0);
        assertTrue(r.getDouble("hyperParameters.step.batchTokens") > 0);
        assertFalse(r.getList("warnings").isEmpty());
    }

    @Test
    void threeBudgetFormsAgree() {
        // 1000 H100 × 24 h × 989e12 × 0.4 = 3.41798e22 FLOPs
        JsonPath gpu = evaluate("{\"shape\":" + LING_MINI_BETA
                + ",\"gpuBudget\":{\"gpu\":\"H100\",\"count\":1000,\"hours\":24,\"mfu\":0.4}}");
        assertEquals(3.41798e22, gpu.getDouble("computeFlops"), 1e17);
        assertEquals(24000, gpu.getDouble("gpuHours"), 1e-9);
        assertEquals("gpuBudget", gpu.getString("budgetGivenAs"));
        double tokens = gpu.getDouble("tokens");
        JsonPath byTokens = evaluate("{\"shape\":" + LING_MINI_BETA + ",\"tokens\":" + tokens + "}");
        assertEquals(3.41798e22, byTokens.getDouble("computeFlops"), 1e17);
        assertNull(byTokens.get("gpuHours"));
        assertEquals(gpu.getDouble("efficiencyLeverage.value"), byTokens.getDouble("efficiencyLeverage.value"), 1e-9);
    }

    @Test
    void denseModelHasLeverageOneAndNoGranularity() {
        JsonPath r = evaluate("""
                {"shape":{"vocabSize":126464,"seqLen":4096,"layers":28,"denseLayers":28,"dModel":4096,"heads":32,
                 "kvHeads":8,"dFfn":14336},"tokens":1e12}""");
        assertEquals(1.0, r.getDouble("efficiencyLeverage.value"));
        assertNull(r.get("granularity"));
        assertFalse(r.getBoolean("moe"));
        assertEquals(6.11e9, r.getDouble("totalParams"), 0.015 * 6.11e9);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "zero width          | {\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":2,\"dModel\":0,\"heads\":4,\"dFfn\":64},\"tokens\":1e9} | shape.dModel",
            "negative width      | {\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":2,\"dModel\":64,\"heads\":4,\"experts\":8,\"topK\":2,\"dExpert\":-32},\"tokens\":1e9} | shape.dExpert",
            "topK above experts  | {\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":2,\"dModel\":64,\"heads\":4,\"experts\":8,\"topK\":9,\"dExpert\":32},\"tokens\":1e9} | shape.topK",
            "missing shape       | {\"tokens\":1e9} | shape",
            "text for a number   | {\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":\"many\",\"dModel\":64,\"heads\":4,\"dFfn\":64},\"tokens\":1e9} | shape.layers",
            "NaN as text         | {\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":2,\"dModel\":64,\"heads\":4,\"dFfn\":64},\"tokens\":\"NaN\"} | tokens",
            "NaN literal         | {\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":2,\"dModel\":64,\"heads\":4,\"dFfn\":64},\"tokens\":NaN} | body",
            "Infinity            | {\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":2,\"dModel\":64,\"heads\":4,\"dFfn\":64},\"computeFlops\":1e999} | computeFlops",
            "absurd layers       | {\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":1e30,\"dModel\":64,\"heads\":4,\"dFfn\":64},\"tokens\":1e9} | shape.layers",
            "huge layers int     | {\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":2000000000,\"dModel\":64,\"heads\":4,\"dFfn\":64},\"tokens\":1e9} | shape.layers",
            "fractional heads    | {\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":2,\"dModel\":64,\"heads\":4.5,\"dFfn\":64},\"tokens\":1e9} | shape.heads",
            "no budget           | {\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":2,\"dModel\":64,\"heads\":4,\"dFfn\":64}} | budget",
            "two budgets         | {\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":2,\"dModel\":64,\"heads\":4,\"dFfn\":64},\"tokens\":1e9,\"computeFlops\":1e20} | budget",
            "negative tokens     | {\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":2,\"dModel\":64,\"heads\":4,\"dFfn\":64},\"tokens\":-5} | tokens",
            "mfu above one       | {\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":2,\"dModel\":64,\"heads\":4,\"dFfn\":64},\"gpuBudget\":{\"gpu\":\"H100\",\"count\":8,\"hours\":1,\"mfu\":1.5}} | gpuBudget.mfu",
            "unknown gpu         | {\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":2,\"dModel\":64,\"heads\":4,\"dFfn\":64},\"gpuBudget\":{\"gpu\":\"TPU9\",\"count\":8,\"hours\":1,\"mfu\":0.4}} | gpuBudget.gpu",
            "pattern entry of 2  | {\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":2,\"dModel\":64,\"heads\":4,\"dFfn\":64,\"experts\":8,\"topK\":2,\"dExpert\":32,\"moeLayerPattern\":[1,2]},\"tokens\":1e9} | shape.moeLayerPattern[1]",
            "unknown field       | {\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":2,\"dModel\":64,\"heads\":4,\"dFfn\":64,\"expertz\":8},\"tokens\":1e9} | shape.expertz",
            "not json            | this is not json | body",
            "empty body          | '' | body"})
    void badInputIsA400ProblemNamingTheField(String name, String body, String field) {
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/evaluate")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid request"))
                .body("errors.field", hasItem(field))
                .body("detail", org.hamcrest.Matchers.not(containsString("Exception")));
    }

    @Test
    void knownShapesCarryTheirPublishedCounts() {
        given().when().get("/api/v1/shapes").then().statusCode(200)
                .body("id", hasItem("mixtral-8x7b")).body("id", hasItem("er-moe-7b-best"));
        JsonPath mixtral = ApiJson.of(given().when().get("/api/v1/shapes/mixtral-8x7b").then().statusCode(200)
                .extract().response());
        assertEquals(46.7e9, mixtral.getDouble("published.totalParams"), 1);
        assertEquals("with-embeddings", mixtral.getString("published.totalParamsConvention"));
        // Mixtral 8x7B by hand: 32 layers × (GQA attention 2·4096·4096 + 2·4096·1024, 8 experts 3·4096·14336,
        // router 4096·8) = 46,440,382,464 non-embedding; the input embedding and unembedding add 2·32000·4096.
        assertEquals(46_440_382_464.0, mixtral.getDouble("computed.nonEmbeddingTotalParams"), 0);
        assertEquals(46_440_382_464.0 + 2 * 32000 * 4096.0, mixtral.getDouble("computed.totalParamsWithEmbeddings"), 0);
        assertEquals(mixtral.getDouble("computed.totalParamsWithEmbeddings"),
                mixtral.getDouble("computed.totalParamsAsPublished"), 0, "the published total counts embeddings");
        assertEquals(46.7e9, mixtral.getDouble("computed.totalParamsAsPublished"), 0.5 * 0.1e9);
        // active: 32 × (attention + 2 of the experts + router) = 12,617,515,008; with embeddings 12.88B ("12.9B")
        assertEquals(12_617_515_008.0, mixtral.getDouble("computed.nonEmbeddingActiveParams"), 0);
        assertEquals(12.9e9, mixtral.getDouble("computed.activeParamsAsPublished"), 0.5 * 0.1e9);
        assertNull(mixtral.get("computed.totalParams"), "no count named without its convention");
        given().when().get("/api/v1/shapes/nope").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void lawsCarryCitationsAndRanges() {
        JsonPath laws = ApiJson.of(given().when().get("/api/v1/laws").then().statusCode(200).extract().response());
        assertEquals(1.23, laws.getDouble("find { it.id == 'ling-2025' }.coefficients.a"), 1e-12);
        assertEquals(-0.0761, laws.getDouble("find { it.id == 'ling-2025' }.coefficients.d"), 1e-12);
        assertEquals("2507.17702", laws.getString("find { it.id == 'ling-2025' }.citation.arxiv"));
        assertEquals(6e20, laws.getDouble("find { it.id == 'ling-2025' }.fittedRanges.computeFlops.max"), 1);
        assertEquals("2503.04715", laws.getString("find { it.id == 'step-law-2025' }.citation.arxiv"));
    }

    @Test
    void operationsEndpointsAnswer() throws Exception {
        DefaultFit.awaitId();
        given().when().get("/q/health/ready").then().statusCode(200)
                .body(containsString("default-fit")).body(containsString("database"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/evaluate"));
        given().when().get("/api/v1/laws").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }
}
