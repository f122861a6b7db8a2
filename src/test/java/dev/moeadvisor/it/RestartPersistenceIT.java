package dev.moeadvisor.it;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** Tables 11–13 of the bundled file (arXiv 2506.12119): 20 val_bpc runs, enough to fit. */
    static String tables11To13() throws Exception {
        try (var in = RestartPersistenceIT.class.getClassLoader().getResourceAsStream("data/runs/equal-resources-2025.csv")) {
            List<String> lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
            return lines.get(0) + "\n" + lines.stream().filter(l -> l.matches("er-t1[123]-.*")).collect(
                    java.util.stream.Collectors.joining("\n")) + "\n";
        }
    }

    @Test
    void userDataSurvivesARestart() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "restart-db");
        Map<String, String> env = ItDatabase.env("restart", dir);
        Path log = dir.resolve("advisor.log");
        String id;
        String fitId;
        double fitA;
        String defaultFit;
        try (PackagedApp app = PackagedApp.start(env, log)) {
            RestAssured.baseURI = app.baseUrl();
            RestAssured.port = app.port();
            id = given().contentType("text/csv").queryParam("name", "kept across restarts").body(CSV)
                    .post("/api/v1/datasets").then().statusCode(201).extract().path("id");
            String sweep = given().contentType("text/csv").queryParam("name", "sweep").body(tables11To13())
                    .post("/api/v1/datasets").then().statusCode(201).extract().path("id");
            var fit = given().contentType("application/json")
                    .body(Map.of("dataset", sweep, "metric", "val_bpc", "bootstrap", 10, "pinned", Map.of("d", 0.0))).post("/api/v1/fits")
                    .then().statusCode(201).extract().jsonPath();
            fitId = fit.getString("id");
            fitA = fit.getDouble("coefficients.a.value");
            defaultFit = given().get("/api/v1/fits").then().extract().jsonPath()
                    .getString("find { it.isDefault == true && it.status == 'DONE' }.id");
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
            var fit = given().get("/api/v1/fits/" + fitId).then().statusCode(200).body("status", equalTo("DONE"))
                    .extract().jsonPath();
            assertEquals(fitA, fit.getDouble("coefficients.a.value"), 0.0, "the stored fit, unchanged");
            List<String> defaults = given().get("/api/v1/fits").then().extract().jsonPath()
                    .getList("findAll { it.isDefault == true }.id");
            assertEquals(List.of(defaultFit), defaults, "the default fit is reused, not computed again");
        } finally {
            RestAssured.reset();
        }
    }
}
