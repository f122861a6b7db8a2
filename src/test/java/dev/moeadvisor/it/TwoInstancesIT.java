package dev.moeadvisor.it;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two instances of the packaged advisor started at the same moment against one database (scale-out): the bundled
 * runs are loaded once, one default fit is computed, and both instances rank with that same fit.
 */
class TwoInstancesIT {

    @Test
    void startTogetherLoadOnceAndAgreeOnTheDefaultFit() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "two-instances");
        Map<String, String> env = ItDatabase.env("two", dir);
        PackagedApp a = PackagedApp.launch(env, dir.resolve("a.log"), null);
        PackagedApp b = PackagedApp.launch(env, dir.resolve("b.log"), null);
        try (a; b) {
            CompletableFuture.allOf(CompletableFuture.runAsync(() -> awaitReady(a)),
                    CompletableFuture.runAsync(() -> awaitReady(b))).join();
            String fitA = defaultFitOf(a);
            String fitB = defaultFitOf(b);
            assertEquals(fitA, fitB, "both instances rank with the same default fit");
            for (PackagedApp app : List.of(a, b)) {
                JsonPath datasets = given().baseUri(app.baseUrl()).get("/api/v1/datasets").then().statusCode(200)
                        .extract().jsonPath();
                assertEquals(1, datasets.getList("findAll { it.id == 'equal-resources-2025' }").size());
                assertEquals(120, datasets.getInt("find { it.id == 'equal-resources-2025' }.runCount"));
                JsonPath fits = given().baseUri(app.baseUrl()).get("/api/v1/fits").then().statusCode(200)
                        .extract().jsonPath();
                assertEquals(1, fits.getList("findAll { it.isDefault == true }").size(), "one default fit stored");
                String rankedWith = given().baseUri(app.baseUrl()).contentType("application/json")
                        .body(Map.of("computeFlops", 1e21, "uniqueTokens", 1e12)).post("/api/v1/plan")
                        .then().statusCode(201).extract().path("model.id");
                assertEquals(fitA, rankedWith, "a plan on either instance ranks with the shared default fit");
            }
        }
    }

    private static String defaultFitOf(PackagedApp app) {
        return given().baseUri(app.baseUrl()).get("/api/v1/fits").then().statusCode(200).extract().jsonPath()
                .getString("find { it.isDefault == true && it.status == 'DONE' }.id");
    }

    private static void awaitReady(PackagedApp app) {
        try {
            app.awaitReady();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
