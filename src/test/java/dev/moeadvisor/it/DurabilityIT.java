package dev.moeadvisor.it;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every write the advisor answered 2xx survives {@code kill -9}: a burst of plans from four clients and an upload,
 * then SIGKILL the moment the last answer arrives, then a restart on the same database; every acknowledged plan and
 * the upload are there. On H2 this runs with the shipped default database URL (an H2 file under ./db of the working
 * folder, {@code WRITE_DELAY=0}); H2's default write delay of 500 ms lost 3 of 58 plans this way.
 */
class DurabilityIT {

    static final int CLIENTS = 4;
    static final int PLANS_PER_CLIENT = 10;

    @Test
    void acknowledgedWritesSurviveKillMinus9() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "durability");
        Map<String, String> env = ItDatabase.envOrShippedDefault("durable", dir);
        Path log = dir.resolve("advisor.log");
        List<String> plans = new ArrayList<>();
        String dataset;
        PackagedApp app = PackagedApp.launch(env, log, dir);
        try {
            app.awaitReady();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<List<String>>> burst = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    burst.add(clients.submit(() -> planBurst(app, client)));
                }
                for (Future<List<String>> f : burst) {
                    plans.addAll(f.get());
                }
            } finally {
                clients.shutdownNow();
            }
            dataset = given().baseUri(app.baseUrl()).contentType("text/csv").queryParam("name", "acknowledged")
                    .body(RestartPersistenceIT.CSV).post("/api/v1/datasets").then().statusCode(201)
                    .extract().path("id");
        } finally {
            app.kill();
        }
        assertEquals(CLIENTS * PLANS_PER_CLIENT, plans.size());
        try (PackagedApp again = PackagedApp.launch(env, log, dir)) {
            again.awaitReady();
            List<String> lost = plans.stream()
                    .filter(id -> again.status("/api/v1/plans/" + id) != 200).toList();
            assertTrue(lost.isEmpty(), "plans answered 201 and lost after kill -9: " + lost);
            given().baseUri(again.baseUrl()).get("/api/v1/datasets/" + dataset).then().statusCode(200)
                    .body("runCount", org.hamcrest.Matchers.equalTo(2));
        }
    }

    private static List<String> planBurst(PackagedApp app, int client) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PLANS_PER_CLIENT; i++) {
            Response r = given().baseUri(app.baseUrl()).contentType("application/json")
                    .body(Map.of("computeFlops", 1e20 * (1 + client * PLANS_PER_CLIENT + i), "uniqueTokens", 1e12,
                            "model", "ling-2025"))
                    .post("/api/v1/plan");
            assertEquals(201, r.statusCode(), r.asString());
            ids.add(r.path("id").toString());
        }
        return ids;
    }
}
