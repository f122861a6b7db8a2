package dev.moeadvisor.it;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM (what a container runtime sends on stop) with a long background fit running: the advisor exits within
 * 10 s, having marked the fit "interrupted by a restart", which the next instance shows at once. On H2 this runs
 * with the shipped default database URL (relative to the working folder).
 */
class GracefulShutdownIT {

    @Test
    void sigtermWithAFitRunningExitsWithinTenSecondsAndMarksItInterrupted() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "shutdown");
        Map<String, String> env = ItDatabase.envOrShippedDefault("shutdown", dir);
        Path log = dir.resolve("advisor.log");
        String id;
        Duration stop;
        try (PackagedApp app = PackagedApp.launch(env, log, dir)) {
            app.awaitReady();
            id = given().baseUri(app.baseUrl()).contentType("application/json")
                    .body(Map.of("dataset", "equal-resources-2025", "metric", "val_bpc", "bootstrap", 2000))
                    .post("/api/v1/fits").then().statusCode(202).extract().path("id");
            stop = app.stop();
        }
        assertTrue(stop.compareTo(Duration.ofSeconds(10)) < 0, "SIGTERM to exit took " + stop);
        assertTrue(Files.readString(log).contains("stopped in"), "a graceful Quarkus shutdown");
        try (PackagedApp app = PackagedApp.launch(env, log, dir)) {
            app.awaitReady();
            JsonPath fit = given().baseUri(app.baseUrl()).get("/api/v1/fits/" + id).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals("FAILED", fit.getString("status"), "marked when the instance stopped, not later");
            assertTrue(fit.getString("message").contains("interrupted by a restart: the instance running it was shut down"),
                    fit.getString("message"));
        }
    }
}
