package dev.moeadvisor.it;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The packaged advisor on an H2 file database: what a user stored is still there after a restart, and the
 * bundled runs are loaded once, not again.
 */
class RestartPersistenceIT {

    static final String CSV = """
            run_id,kind,n_layers,d_model,n_heads,d_ffn,tokens,unique_tokens,metric,value
            d1,dense,28,2176,17,8848,6.5e10,,val_bpc,0.4921
            d2,dense,28,2176,17,8848,1.14e11,,val_bpc,0.4808
            """;

    @Test
    void userDataSurvivesARestart() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "restart-db");
        Map<String, String> env = ItDatabase.env("restart", dir);
        Path log = dir.resolve("advisor.log");
        String id;
        try (PackagedApp app = PackagedApp.start(env, log)) {
            RestAssured.baseURI = app.baseUrl();
            RestAssured.port = app.port();
            id = given().contentType("text/csv").queryParam("name", "kept across restarts").body(CSV)
                    .post("/api/v1/datasets").then().statusCode(201).extract().path("id");
        }
        try (PackagedApp app = PackagedApp.start(env, log)) {
            RestAssured.baseURI = app.baseUrl();
            RestAssured.port = app.port();
            given().get("/api/v1/datasets/" + id).then().statusCode(200).body("runCount", equalTo(2))
                    .body("name", equalTo("kept across restarts"));
            int bundled = given().get("/api/v1/datasets").then().statusCode(200).extract().jsonPath()
                    .getList("findAll { it.id == 'equal-resources-2025' }").size();
            assertEquals(1, bundled, "the bundled set is loaded once");
            given().get("/api/v1/datasets/equal-resources-2025").then().body("runCount", equalTo(120));
        } finally {
            RestAssured.reset();
        }
    }
}
