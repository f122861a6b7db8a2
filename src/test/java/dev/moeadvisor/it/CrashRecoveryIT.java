package dev.moeadvisor.it;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged advisor killed with SIGKILL in the middle of work recovers without a manual step: a background fit
 * it was running is marked failed ("interrupted by a restart") by the next instance, whose page stops refreshing;
 * a first default fit cut short is taken over by the restarted instance (its claim's heartbeat went stale), which
 * then becomes ready. The fit test runs with the shipped recovery defaults (heartbeat 3 s, stale after 15 s).
 */
class CrashRecoveryIT {

    static final Duration PATIENCE = Duration.ofMinutes(3);

    @Test
    void aBackgroundFitCutShortByKillIsMarkedInterruptedAfterRestart() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "crash-fit");
        Map<String, String> env = ItDatabase.env("crashfit", dir);
        Path log = dir.resolve("advisor.log");
        String id;
        try (PackagedApp app = PackagedApp.start(env, log)) {
            // 80 val_bpc runs × (32 starts + 2,000 resamples + 80 LOO refits) local fits: far above the 40,000
            // that run while the caller waits, so it runs in the background for many seconds
            var started = given().baseUri(app.baseUrl()).contentType("application/json")
                    .body(Map.of("dataset", "equal-resources-2025", "metric", "val_bpc", "bootstrap", 2000))
                    .post("/api/v1/fits").then().statusCode(202).extract().jsonPath();
            id = started.getString("id");
            assertEquals("RUNNING", started.getString("status"));
            app.kill();
        }
        try (PackagedApp app = PackagedApp.start(env, log)) {
            JsonPath fit = await(() -> {
                JsonPath f = given().baseUri(app.baseUrl()).get("/api/v1/fits/" + id).then().statusCode(200)
                        .extract().jsonPath();
                return "RUNNING".equals(f.getString("status")) ? Optional.empty() : Optional.of(f);
            });
            assertEquals("FAILED", fit.getString("status"));
            assertTrue(fit.getString("message").contains("interrupted by a restart: the instance running it stopped answering"),
                    fit.getString("message"));
            String page = given().baseUri(app.baseUrl()).get("/fits/" + id).then().statusCode(200).extract().asString();
            assertFalse(page.contains("http-equiv=\"refresh\""), "the page of an interrupted fit stops refreshing");
            assertTrue(page.contains("interrupted by a restart"), "the page says why the fit failed");
        }
    }

    @Test
    void aFirstDefaultFitCutShortByKillIsTakenOverAndTheRestartedInstanceBecomesReady() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "crash-default");
        Map<String, String> env = new HashMap<>(ItDatabase.env("crashdefault", dir));
        // 1,000 resamples: the default fit runs long enough (in the background) to be killed in the middle
        env.put("ADVISOR_FIT_BOOTSTRAP", "1000");
        // a claim goes stale 60 s after its owner's last heartbeat: longer than the restarted instance takes to boot,
        // so that it is the periodic check of a running instance that takes the claim over, not the start-up one
        env.put("ADVISOR_RECOVERY_STALE_AFTER", "60s");
        Path log = dir.resolve("advisor.log");
        String interrupted;
        try (PackagedApp app = PackagedApp.launch(env, log, null)) {
            interrupted = await(() -> {
                if (!app.isAlive()) {
                    throw new IllegalStateException("the advisor exited");
                }
                if (app.status("/api/v1/fits") != 200) {
                    return Optional.empty();
                }
                JsonPath fits = given().baseUri(app.baseUrl()).get("/api/v1/fits").then().extract().jsonPath();
                return Optional.ofNullable(fits.getString("find { it.isDefault == true && it.status == 'RUNNING' }.id"));
            });
            assertEquals(503, app.status("/q/health/ready"), "not ready while the default fit is computed");
            app.kill();
        }
        try (PackagedApp app = PackagedApp.start(env, log)) {
            JsonPath fits = given().baseUri(app.baseUrl()).get("/api/v1/fits").then().statusCode(200)
                    .extract().jsonPath();
            List<String> done = fits.getList("findAll { it.isDefault == true && it.status == 'DONE' }.id");
            assertEquals(1, done.size(), "one default fit, computed by the restarted instance");
            assertEquals("FAILED", fits.getString("find { it.id == '" + interrupted + "' }.status"));
            assertTrue(fits.getString("find { it.id == '" + interrupted + "' }.message")
                    .contains("interrupted by a restart"));
            String rankedWith = given().baseUri(app.baseUrl()).contentType("application/json")
                    .body(Map.of("computeFlops", 1e21, "uniqueTokens", 1e12)).post("/api/v1/plan")
                    .then().statusCode(201).extract().path("model.id");
            assertEquals(done.get(0), rankedWith, "plans rank with the default fit the restarted instance computed");
        }
    }

    /** Polls {@code probe} every 250 ms until it answers, for at most {@link #PATIENCE}. */
    static <T> T await(Supplier<Optional<T>> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> answer = probe.get();
            if (answer.isPresent()) {
                return answer.get();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no answer within " + PATIENCE);
    }
}
