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
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/v1/datasets} over real HTTP and the real (in-memory H2) database. */
@QuarkusTest
class DatasetsApiTest {

    static final String GOOD_CSV = """
            run_id,kind,n_layers,d_model,n_heads,d_ffn,experts,top_k,d_expert,d_shared,dense_layers,tokens,unique_tokens,metric,value
            a,moe,16,1408,11,3904,84,6,352,2112,1,1.14e11,,val_bpc,0.5013
            b,moe,16,1408,11,3904,84,6,352,2112,1,3.09e11,,val_bpc,0.4872
            c,dense,28,2176,17,8848,,,,,,1.14e11,,val_bpc,0.4808
            """;

    static int datasetCount() {
        return given().get("/api/v1/datasets").then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    @Test
    void bundledRunsAreLoadedOnceAsAReadOnlyDataset() {
        JsonPath d = ApiJson.of(given().get("/api/v1/datasets/equal-resources-2025").then().statusCode(200)
                .extract().response());
        assertEquals(120, d.getInt("runCount"));
        assertEquals(120, d.getList("runs").size());
        assertTrue(d.getBoolean("readOnly"));
        assertEquals(List.of("train_loss", "val_bpc"), d.getList("metrics"));
        assertTrue(d.getString("citation").contains("2506.12119"));
        // er-t12-5 as printed in the paper's Table 12
        assertEquals(0.4543, d.getDouble("runs.find { it.runId == 'er-t12-5' }.value"), 1e-12);
        given().delete("/api/v1/datasets/equal-resources-2025").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void csvUploadRoundTripsAndDeletes() {
        String location = given().contentType("text/csv").queryParam("name", "My sweep").body(GOOD_CSV)
                .post("/api/v1/datasets").then().statusCode(201).body("runCount", equalTo(3))
                .body("metrics", equalTo(List.of("val_bpc"))).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        String csv = given().get("/api/v1/datasets/" + id + "/runs.csv").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertTrue(csv.startsWith("run_id,"), csv);
        assertTrue(csv.contains("0.4872"), csv);
        // The downloaded file uploads again to an identical data set.
        String again = given().contentType("text/csv").queryParam("name", "My sweep").body(csv)
                .post("/api/v1/datasets").then().statusCode(201).extract().path("dataHash");
        assertEquals(given().get("/api/v1/datasets/" + id).then().extract().path("dataHash"), again);
        given().delete("/api/v1/datasets/" + id).then().statusCode(204);
        given().get("/api/v1/datasets/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badCsvIsRefusedWholeWithLineAndColumn() {
        int before = datasetCount();
        String bad = GOOD_CSV.replace("a,moe,16,1408,11,3904,84,6,", "a,moe,16,1408,11,3904,84,99,")
                .replace("c,dense,28,2176", "c,dense,abc,2176");
        given().contentType("text/csv").queryParam("name", "bad").body(bad).post("/api/v1/datasets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid run data"))
                .body("errors.line", hasItems(2, 4))
                .body("errors.column", hasItems("top_k", "n_layers"));
        assertEquals(before, datasetCount(), "nothing stored");
    }

    @Test
    void emptyAndMixedMetricFilesAreRefused() {
        int before = datasetCount();
        given().contentType("text/csv").queryParam("name", "empty").body("").post("/api/v1/datasets")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("text/csv").queryParam("name", "mixed")
                .body(GOOD_CSV.replace("0.4808", "0.4808").replace(",val_bpc,0.4872", ",train_loss,1.87"))
                .post("/api/v1/datasets").then().statusCode(400).body("errors.column", hasItem("metric"));
        given().contentType("text/csv").body(GOOD_CSV).post("/api/v1/datasets")
                .then().statusCode(400).body("errors.field", hasItem("name"));
        assertEquals(before, datasetCount(), "nothing stored");
    }

    @Test
    void jsonUpload() {
        Map<String, Object> run = Map.of("kind", "dense", "nLayers", 28, "dModel", 2176, "nHeads", 17, "dFfn", 8848,
                "tokens", 1.14e11, "metric", "val_bpc", "value", 0.4808);
        given().contentType(ContentType.JSON).body(Map.of("name", "json set", "runs", List.of(run)))
                .post("/api/v1/datasets").then().statusCode(201).body("runCount", equalTo(1));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "json bad", "runs", List.of(Map.of("kind", "moe", "nLayers", -3))))
                .post("/api/v1/datasets").then().statusCode(400).body("errors.line", hasItem(1));
    }

    @Test
    void jsonUploadAlsoTakesTheCsvHeadersSnakeCaseNames() {
        Map<String, Object> run = Map.of("run_id", "snake-1", "kind", "dense", "n_layers", 28, "d_model", 2176,
                "n_heads", 17, "d_ffn", 8848, "tokens", 1.14e11, "unique_tokens", 5.7e10, "metric", "val_bpc",
                "value", 0.4808);
        String id = given().contentType(ContentType.JSON).body(Map.of("name", "snake set", "runs", List.of(run)))
                .post("/api/v1/datasets").then().statusCode(201).body("runCount", equalTo(1)).extract().path("id");
        // D/U = 1.14e11 / 5.7e10 = 2 epochs, shown though not given
        given().accept("text/html").get("/datasets/" + id).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("snake-1"))
                .body(org.hamcrest.Matchers.containsString("data-sort=\"2.0\">2<"));
    }

    @Test
    void oversizedUploadIsRefusedWithAClearMessage() {
        StringBuilder big = new StringBuilder(GOOD_CSV);
        while (big.length() < 5_100_000) {
            big.append("x,dense,28,2176,17,8848,,,,,,1.14e11,,val_bpc,0.4808\n");
        }
        given().contentType("text/csv").queryParam("name", "big").body(big.toString()).post("/api/v1/datasets")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("limit"));
    }
}
