package dev.moeadvisor.it;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static dev.moeadvisor.service.FitService.CANCELLED_ELSEWHERE;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the packaged advisor started at the same moment against one database (scale-out): the bundled
 * runs are loaded once, one default fit is computed, and both instances rank with that same fit; a fit running on
 * one is stopped by a cancel sent to the other.
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
            aFitRunningOnOneInstanceIsStoppedByACancelOnTheOther(a, b);
        }
    }

    /**
     * {@code DELETE /api/v1/fits/{id}} on B for a background fit running on A: B marks the row cancelled, A reads
     * that at its next heartbeat (3 s) and stops the fitter, which then records where it stopped.
     */
    private static void aFitRunningOnOneInstanceIsStoppedByACancelOnTheOther(PackagedApp a, PackagedApp b)
            throws Exception {
        // 80 val_bpc runs × (32 starts + 2,000 resamples + 80 LOO refits): minutes of work, in the background
        String id = given().baseUri(a.baseUrl()).contentType("application/json")
                .body(Map.of("dataset", "equal-resources-2025", "metric", "val_bpc", "bootstrap", 2000, "seed", 99))
                .post("/api/v1/fits").then().statusCode(202).body("status", equalTo("RUNNING")).extract().path("id");
        given().baseUri(b.baseUrl()).delete("/api/v1/fits/" + id).then().statusCode(202)
                .body("status", equalTo("CANCELLED")).body("message", equalTo(CANCELLED_ELSEWHERE));
        String message = CrashRecoveryIT.await(() -> {
            String m = given().baseUri(b.baseUrl()).get("/api/v1/fits/" + id).then().statusCode(200)
                    .body("status", equalTo("CANCELLED")).extract().path("message");
            return CANCELLED_ELSEWHERE.equals(m) ? Optional.empty() : Optional.of(m);
        });
        assertTrue(message.startsWith("cancelled on request, cancelled during the "), message);
        String metrics = given().baseUri(a.baseUrl()).get("/q/metrics").then().statusCode(200).extract().asString();
        double cancelled = metrics.lines().filter(l -> l.startsWith("advisor_fits_seconds_count{")
                        && l.contains("outcome=\"cancelled\"")).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
        assertEquals(1.0, cancelled, "A's fitter stopped as cancelled");
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
