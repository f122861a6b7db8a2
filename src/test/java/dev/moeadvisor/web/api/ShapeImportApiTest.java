package dev.moeadvisor.web.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/v1/shapes/import}, {@code /api/v1/shapes/export} and {@code /api/v1/plans/{id}/export} over HTTP. */
@QuarkusTest
class ShapeImportApiTest {

    static String config(String name) throws Exception {
        try (InputStream in = ShapeImportApiTest.class.getClassLoader().getResourceAsStream("hf-configs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void importsMoonlightWithMla() throws Exception {
        JsonPath r = ApiJson.of(given().contentType(ContentType.JSON).body(config("moonlight-16b-a3b.json"))
                .queryParam("seqLen", 8192).post("/api/v1/shapes/import").then().statusCode(200).extract().response());
        assertEquals("deepseek_v3", r.getString("modelType"));
        assertEquals(512, r.getInt("shape.mla.kvLoraRank"));
        assertEquals(8192, r.getInt("shape.seqLen"));
        // Non-embedding, by hand: 27·13,762,560 + 69,206,016 + 26·571,080,704
        //   = 371,589,120 + 69,206,016 + 14,848,098,304 = 15,288,893,440 total
        assertEquals(15_288_893_440.0, r.getDouble("totalParams"), 1.0);
        assertEquals(2 * 163840.0 * 2048, r.getDouble("embeddingParams"), 0.0);
        assertTrue(r.getList("ignoredKeys").contains("rope_theta"));
        assertEquals("with-unembedding", r.getString("counts.active[1].convention"));
    }

    @Test
    void badConfigsAreProblemsNamingTheKey() throws Exception {
        given().contentType(ContentType.JSON).body("{not json").post("/api/v1/shapes/import").then().statusCode(400)
                .body("errors.field", hasItem("config"));
        given().contentType(ContentType.JSON).body("[1,2,3]").post("/api/v1/shapes/import").then().statusCode(400)
                .body("errors.field", hasItem("config"));
        String noHidden = config("qwen3-30b-a3b.json").replace("\"hidden_size\": 2048,", "");
        given().contentType(ContentType.JSON).body(noHidden).post("/api/v1/shapes/import").then().statusCode(400)
                .body("errors.field", hasItem("hidden_size"));
        String tooMany = config("qwen3-30b-a3b.json").replace("\"num_experts_per_tok\": 8", "\"num_experts_per_tok\": 200");
        given().contentType(ContentType.JSON).body(tooMany).post("/api/v1/shapes/import").then().statusCode(400)
                .body("errors.field", hasItem("num_experts_per_tok"));
        given().contentType(ContentType.JSON).body("{\"model_type\":\"rwkv\"}").post("/api/v1/shapes/import").then()
                .statusCode(422).body("errors.field", hasItem("model_type")).body("detail", containsString("deepseek_v3"));
        given().contentType(ContentType.JSON).body(config("qwen3-30b-a3b.json")).queryParam("seqLen", 0)
                .post("/api/v1/shapes/import").then().statusCode(400).body("errors.field", hasItem("seqLen"));
    }

    @Test
    void exportedHfConfigImportsToTheSameCounts() throws Exception {
        JsonPath imported = ApiJson.of(given().contentType(ContentType.JSON).body(config("llama-4-maverick.json"))
                .post("/api/v1/shapes/import").then().statusCode(200).extract().response());
        Map<String, Object> shape = imported.getMap("shape");
        String hf = given().contentType(ContentType.JSON).body(shape).queryParam("format", "hf")
                .post("/api/v1/shapes/export").then().statusCode(200)
                .header("Content-Disposition", containsString("config.json")).extract().asString();
        JsonPath back = ApiJson.of(given().contentType(ContentType.JSON).body(hf).queryParam("seqLen", 4096)
                .post("/api/v1/shapes/import").then().statusCode(200).extract().response());
        assertEquals(imported.getDouble("totalParams"), back.getDouble("totalParams"), 0.0);
        assertEquals(imported.getDouble("activeParams"), back.getDouble("activeParams"), 0.0);
        String megatron = given().contentType(ContentType.JSON).body(shape).queryParam("format", "megatron")
                .post("/api/v1/shapes/export").then().statusCode(200).extract().asString();
        assertTrue(megatron.contains("--num-experts 128") && megatron.contains("--moe-layer-freq '[0,1,0,1"), megatron);
        given().contentType(ContentType.JSON).body(shape).queryParam("format", "keras").post("/api/v1/shapes/export")
                .then().statusCode(400).body("errors.field", hasItem("format"));
    }

    @Test
    void aPlansCandidatesExportWithTrainingSettings() {
        int id = given().contentType(ContentType.JSON).body(Map.of("computeFlops", 1e21, "model", "ling-2025"))
                .post("/api/v1/plan").then().statusCode(201).extract().path("id");
        String args = given().queryParam("format", "megatron").get("/api/v1/plans/" + id + "/export").then()
                .statusCode(200).extract().asString();
        assertTrue(args.contains("--lr ") && args.contains("--global-batch-size ") && args.contains("--train-iters ")
                && args.contains("--seq-length "), args);
        given().queryParam("format", "hf").get("/api/v1/plans/" + id + "/export").then().statusCode(200)
                .body("num_hidden_layers", org.hamcrest.Matchers.greaterThan(0));
        given().queryParam("candidate", 999).get("/api/v1/plans/" + id + "/export").then().statusCode(400)
                .body("errors.field", hasItem("candidate"));
        given().get("/api/v1/plans/99999999/export").then().statusCode(404);
        given().queryParam("format", "torchtitan").get("/api/v1/plans/" + id + "/export").then().statusCode(200)
                .body(containsString("[training]"));
    }
}
