package dev.moeadvisor.web.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/v1/memory} and {@code POST /api/v1/layouts} over real HTTP. */
@QuarkusTest
class MemoryApiTest {

    /** MHA, d_head 128, gated FFN f = 8h/3 = 8192, 24 layers, V 50000 (see TrainingMemoryTest). */
    static final String GPT = """
            {"vocabSize":50000,"seqLen":2048,"layers":24,"dModel":3072,"heads":24,"dFfn":8192}""";
    static final String MOE = """
            {"vocabSize":32000,"seqLen":2048,"layers":8,"dModel":2048,"heads":16,"experts":12,"topK":2,"dExpert":1024}""";

    static JsonPath post(String path, String body) {
        return ApiJson.of(given().contentType(ContentType.JSON).body(body).when().post(path)
                .then().statusCode(200).contentType(ContentType.JSON).extract().response());
    }

    @Test
    void memoryOfADenseGptUnderTpAndPp() {
        JsonPath r = post("/api/v1/memory", "{\"shape\":" + GPT + ",\"layout\":{\"dp\":1,\"tp\":2,\"pp\":2},"
                + "\"training\":{\"zeroStage\":0,\"recompute\":\"NONE\",\"overheadFactor\":1},\"gpu\":\"H100\"}");
        // stage 0: (12 · (4h² + 3hf) + V·h)/TP = 756,277,248 parameters; 2 bytes each for weights and grads,
        // 12 for Adam; activations 24 · (34sbh + 5as²b)/2 = 24 · 358,612,992 bytes
        double psi = 756_277_248.0;
        assertEquals(0, r.getInt("memory.stage"));
        assertEquals(psi, r.getDouble("memory.denseParams"));
        assertEquals(2 * psi / 1e9, r.getDouble("memory.weightsGb"), 1e-9);
        assertEquals(2 * psi / 1e9, r.getDouble("memory.gradientsGb"), 1e-9);
        assertEquals(12 * psi / 1e9, r.getDouble("memory.optimizerGb"), 1e-9);
        assertEquals(24 * 358_612_992.0 / 1e9, r.getDouble("memory.activationsGb"), 1e-9);
        assertEquals((16 * psi + 24 * 358_612_992.0) / 1e9, r.getDouble("memory.totalGb"), 1e-9);
        assertEquals(80.0, r.getDouble("memoryGb"));
        assertTrue(r.getBoolean("fits"));
        assertTrue(r.getList("citations", String.class).stream().anyMatch(c -> c.contains("2205.05198")));
    }

    @Test
    void layoutsThatFitAreRankedAndEachFits() {
        JsonPath r = post("/api/v1/layouts", "{\"shape\":" + GPT + ",\"gpus\":8,\"memoryGb\":16}");
        assertTrue(r.getBoolean("fits"));
        assertEquals(10, r.getInt("validCount"));
        int n = r.getList("layouts").size();
        assertTrue(n >= 1);
        long previous = 0;
        for (int i = 0; i < n; i++) {
            assertTrue(r.getDouble("layouts[" + i + "].totalGb") <= 16.0);
            assertEquals(8, r.getInt("layouts[" + i + "].gpus"));
            long mp = (long) r.getInt("layouts[" + i + "].layout.tp") * r.getInt("layouts[" + i + "].layout.pp");
            assertTrue(mp >= previous);
            previous = mp;
        }
        // DP 8 alone needs 24.4 GB (TrainingMemoryTest's arithmetic): the first layout splits the model
        assertTrue(r.getInt("layouts[0].layout.tp") * r.getInt("layouts[0].layout.pp") >= 2);
    }

    @Test
    void aPresetGivesTheMemoryAndNothingFittingSaysWhatToChange() {
        JsonPath r = post("/api/v1/layouts", "{\"shape\":" + GPT + ",\"gpus\":1,\"gpu\":\"A100_40\"}");
        assertEquals(40.0, r.getDouble("memoryGb"));
        assertFalse(r.getBoolean("fits"));
        assertTrue(r.getList("layouts").isEmpty());
        assertTrue(r.getDouble("leastMemory.totalGb") > 40.0);
        assertTrue(r.getList("changes", String.class).stream().anyMatch(c -> c.startsWith("with 2× the GPUs")));
        JsonPath moe = post("/api/v1/layouts", "{\"shape\":" + MOE + ",\"gpus\":16,\"gpu\":\"h200\"}");
        assertEquals(141.0, moe.getDouble("memoryGb"));
        assertTrue(moe.getBoolean("fits"));
    }

    @Test
    void withAnMfuEachMoeLayoutCarriesItsAllToAll() {
        // AllToAllTest's shape: within a node (EP 8) 0.18× the layer's compute, across nodes (EP 16) 1.75×
        String shape = """
                {"vocabSize":32000,"seqLen":4096,"layers":8,"dModel":2048,"heads":16,"experts":64,"topK":4,"dExpert":512}""";
        JsonPath r = post("/api/v1/layouts", "{\"shape\":" + shape + ",\"gpus\":16,\"gpu\":\"H100\",\"mfu\":0.4}");
        int n = r.getList("layouts").size();
        boolean sawWithin = false;
        boolean sawAcross = false;
        for (int i = 0; i < n; i++) {
            int ep = r.getInt("layouts[" + i + "].layout.ep");
            int tp = r.getInt("layouts[" + i + "].layout.tp");
            double ratio = r.getDouble("layouts[" + i + "].allToAll.ratio");
            if (ep == 8 && tp == 1) {
                assertEquals(0.1816, ratio, 1e-4);
                sawWithin = true;
            }
            if (ep == 16 && tp == 1) {
                assertEquals(1.751, ratio, 1e-3);
                assertTrue(r.getBoolean("layouts[" + i + "].allToAll.exceedsCompute"));
                sawAcross = true;
            }
        }
        assertTrue(sawWithin && sawAcross, "both layouts listed among " + n);
        // without an MFU, no estimate
        JsonPath plain = post("/api/v1/layouts", "{\"shape\":" + shape + ",\"gpus\":16,\"gpu\":\"H100\"}");
        assertNull(plain.get("layouts[0].allToAll"), "no mfu, no estimate");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // a layout that does not match the GPU count
            "/api/v1/memory|{\"shape\":GPT,\"gpus\":8,\"layout\":{\"dp\":3,\"tp\":1,\"pp\":1}}|layout",
            // EP must divide E (12)
            "/api/v1/memory|{\"shape\":MOE,\"layout\":{\"dp\":8,\"tp\":1,\"pp\":1,\"ep\":8}}|layout.ep",
            // EP·ETP must divide DP·TP
            "/api/v1/memory|{\"shape\":MOE,\"layout\":{\"dp\":2,\"tp\":1,\"pp\":1,\"ep\":4}}|layout.ep",
            "/api/v1/memory|{\"shape\":GPT,\"layout\":{\"dp\":1,\"tp\":5,\"pp\":1}}|layout.tp",
            "/api/v1/memory|{\"shape\":GPT,\"layout\":{\"dp\":1,\"tp\":1,\"pp\":0}}|layout.pp",
            "/api/v1/memory|{\"shape\":GPT,\"layout\":{\"dp\":1,\"tp\":1,\"pp\":1},\"training\":{\"zeroStage\":4}}|training.zeroStage",
            "/api/v1/memory|{\"shape\":GPT,\"layout\":{\"dp\":1,\"tp\":1,\"pp\":1},\"training\":{\"recompute\":\"SOME\"}}|training.recompute",
            "/api/v1/memory|{\"shape\":GPT,\"layout\":{\"dp\":1,\"tp\":1,\"pp\":1},\"gpu\":\"V100\"}|gpu",
            "/api/v1/layouts|{\"shape\":GPT,\"gpus\":8,\"gpu\":\"V100\"}|gpu",
            "/api/v1/layouts|{\"shape\":GPT,\"gpus\":8,\"memoryGb\":0}|memoryGb",
            "/api/v1/layouts|{\"shape\":GPT,\"gpus\":8,\"memoryGb\":-3}|memoryGb",
            "/api/v1/layouts|{\"shape\":GPT,\"gpus\":8}|memoryGb",
            "/api/v1/layouts|{\"shape\":GPT,\"gpus\":0,\"memoryGb\":80}|gpus",
            "/api/v1/layouts|{\"shape\":GPT,\"memoryGb\":80}|gpus",
    })
    void badInputIsAProblemNamingTheField(String path, String body, String field) {
        given().contentType(ContentType.JSON).body(body.replace("GPT", GPT).replace("MOE", MOE))
                .when().post(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void documentedInOpenApi() {
        given().when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/memory"), containsString("/api/v1/layouts"));
    }
}
