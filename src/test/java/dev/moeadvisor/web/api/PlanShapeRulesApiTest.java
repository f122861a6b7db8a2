package dev.moeadvisor.web.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan request's shape rules over HTTP: GQA by default, MHA, MLA, interleaved MoE layers and [ER]'s shared-expert
 * width reach the planned shapes, the answer echoes them and the Megatron export carries them.
 */
@QuarkusTest
class PlanShapeRulesApiTest {

    private static JsonPath plan(Map<String, Object> body) {
        return ApiJson.of(given().contentType(ContentType.JSON).body(body).post("/api/v1/plan")
                .then().statusCode(201).extract().response());
    }

    private static String megatron(int id) {
        return given().queryParam("format", "megatron").get("/api/v1/plans/" + id + "/export").then()
                .statusCode(200).extract().asString();
    }

    @Test
    void theDefaultIsGroupedQueryAttentionAndTheExportSaysSo() {
        JsonPath p = plan(Map.of("computeFlops", 1e21, "model", "ling-2025"));
        assertEquals("gqa", p.getString("shapeRules.attention"));
        assertEquals(4, p.getInt("shapeRules.headsPerKvHead"));
        assertEquals(1, p.getInt("shapeRules.moeLayerStep"));
        int heads = p.getInt("recommended.shape.heads");
        int kv = p.getInt("recommended.shape.kvHeads");
        // heads/4 key/value heads, rounded down to a divisor of heads (14 heads → 2)
        assertTrue(heads % kv == 0 && kv <= heads / 4, heads + " heads, " + kv + " kv");
        assertNull(p.get("recommended.shape.mla"));
        String args = megatron(p.getInt("id"));
        assertTrue(args.contains("--group-query-attention") && args.contains("--num-query-groups " + kv), args);
        assertTrue(args.contains("--moe-layer-freq '([1]*") || args.contains("--moe-layer-freq '([0]*"), args);
        JsonPath mha = plan(Map.of("computeFlops", 1e21, "model", "ling-2025", "attention", "mha"));
        assertEquals(mha.getInt("recommended.shape.heads"), mha.getInt("recommended.shape.kvHeads"));
        assertFalse(megatron(mha.getInt("id")).contains("--num-query-groups"));
    }

    @Test
    void latentAttentionInterleavedLayersAndTheWideSharedExpertReachTheShapesAndTheExport() {
        JsonPath p = plan(Map.of("computeFlops", 1e21, "model", "ling-2025", "attention", "MLA",
                "moeLayerStep", 2, "sharedExpertTopKWide", true));
        assertEquals("mla", p.getString("shapeRules.attention"));
        assertEquals(2, p.getInt("shapeRules.moeLayerStep"));
        assertTrue(p.getBoolean("shapeRules.sharedExpertTopKWide"));
        int headDim = p.getInt("recommended.shape.headDim");
        assertEquals(4 * headDim, p.getInt("recommended.shape.mla.kvLoraRank"), "DeepSeek-V2: d_c = 4·d_h");
        assertEquals(headDim / 2, p.getInt("recommended.shape.mla.qkRopeHeadDim"), "DeepSeek-V2: d_h^R = d_h/2");
        assertEquals(2, p.getInt("recommended.shape.moeLayerStep"));
        int k = p.getInt("recommended.shape.topK");
        int dExpert = p.getInt("recommended.shape.dExpert");
        assertEquals(k * dExpert, p.getInt("recommended.shape.dShared"), "[ER]: d_shared = k·d_expert");
        assertEquals(2 * k * dExpert, p.getInt("recommended.shape.dFfn"), "dense layers of the active FFN width");
        String args = megatron(p.getInt("id"));
        assertTrue(args.contains("--multi-latent-attention") && args.contains("--kv-lora-rank " + 4 * headDim), args);
        assertTrue(args.contains("--moe-layer-freq '[0,1,0,1,"), args);
        assertTrue(args.contains("--moe-shared-expert-intermediate-size " + k * dExpert), args);
        assertTrue(p.getList("warnings.message").stream().anyMatch(m -> String.valueOf(m).contains("MoE every 2 layers"))
                || p.getList("rationale").stream().anyMatch(m -> String.valueOf(m).contains("MoE every 2 layers")),
                "the departure from the papers' layout is said");
        // no Hugging Face model type holds MLA with interleaved MoE layers: a clear 422, not a wrong file
        given().queryParam("format", "hf").get("/api/v1/plans/" + p.getInt("id") + "/export").then().statusCode(422)
                .contentType("application/problem+json");
        // the same interleaving with GQA exports as qwen2_moe with its dense layers listed, and reads back
        JsonPath gqa = plan(Map.of("computeFlops", 1e21, "model", "ling-2025", "moeLayerStep", 2));
        given().queryParam("format", "hf").get("/api/v1/plans/" + gqa.getInt("id") + "/export").then()
                .statusCode(200).body("model_type", org.hamcrest.Matchers.equalTo("qwen2_moe"))
                .body("mlp_only_layers", hasItem(0)).body("mlp_only_layers", hasItem(2));
    }

    @Test
    void badShapeRulesAreProblemsNamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("computeFlops", 1e21, "attention", "sparse"))
                .post("/api/v1/plan").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("attention"));
        given().contentType(ContentType.JSON).body(Map.of("computeFlops", 1e21, "moeLayerStep", 9))
                .post("/api/v1/plan").then().statusCode(400).body("errors.field", hasItem("moeLayerStep"));
        given().contentType(ContentType.JSON).body(Map.of("computeFlops", 1e21, "headsPerKvHead", 0))
                .post("/api/v1/plan").then().statusCode(400).body("errors.field", hasItem("headsPerKvHead"));
    }
}
