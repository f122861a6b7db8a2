package dev.moeadvisor.web.api;

import dev.moeadvisor.plan.PlanRequest;
import dev.moeadvisor.service.PlanArchive;
import dev.moeadvisor.service.PlanService;
import dev.moeadvisor.service.SavedPlan;
import dev.moeadvisor.service.ServiceTestAccess;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Saved plans are stored, not recomputed: the permalink reads the stored result with the advisor version that made
 * it; the loss-model snapshot is stored once per model; retention and DELETE bound the storage.
 */
@QuarkusTest
class PlanStorageApiTest {

    @Inject
    PlanService service;
    @Inject
    PlanArchive archive;
    @Inject
    EntityManager em;

    static JsonPath post(Map<String, Object> body) {
        return ApiJson.of(given().contentType(ContentType.JSON).body(body).post("/api/v1/plan")
                .then().statusCode(201).extract().response());
    }

    @Test
    void theStoredResultReadsBackEqualToTheComputedOneWithItsVersion() throws Exception {
        DefaultFit.awaitId();
        // With the default fit: bootstrap intervals, a dense baseline and warnings, all through the JSON round trip.
        SavedPlan computed = service.plan(PlanRequest.builder(2.86e21, 316e9).fixedTotalParams(6.52e9, 0.05)
                .seqLen(2048).build(), "default");
        SavedPlan read = service.get(computed.id()).orElseThrow();
        assertTrue(computed.result().uncertainty().isPresent() && computed.result().dense().isPresent());
        assertEquals(computed.result(), read.result(), "the stored PlanResult reads back equal, field by field");
        assertEquals(computed.model(), read.model(), "and so does the loss-model snapshot");
        String version = ConfigProvider.getConfig().getValue("quarkus.application.version", String.class);
        assertEquals(version, read.advisorVersion());
        String url = "/api/v1/plans/" + computed.id();
        JsonPath json = ApiJson.of(given().get(url).then().statusCode(200).extract().response());
        assertEquals(version, json.getString("advisorVersion"));
        assertEquals(computed.result().recommended().loss(), json.getDouble("recommended.predictedLoss"));
        given().accept("text/html").get("/plans/" + computed.id()).then().statusCode(200)
                .body(containsString("<span id=\"advisor-version\">" + version + "</span>"));
    }

    @Test
    void aPermalinkShowsTheStoredAnswerEvenWhenThePlannerWouldNowAnswerOtherwise() {
        JsonPath a = post(Map.of("computeFlops", 1e20, "model", "ling-2025"));
        JsonPath b = post(Map.of("computeFlops", 1e23, "model", "ling-2025"));
        assertNotEquals(a.getMap("recommended.shape"), b.getMap("recommended.shape"));
        // Plan a's row keeps its request (C = 1e20) but now holds the result computed for b, as if a planner of
        // another version had computed it: the permalink answers what is stored, not a recomputation.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE plan SET result_json = (SELECT result_json FROM plan WHERE id = ?2), advisor_version = '0.0.1-old'"
                                + " WHERE id = ?1")
                .setParameter(1, a.getLong("id")).setParameter(2, b.getLong("id")).executeUpdate());
        JsonPath read = ApiJson.of(given().get(a.getString("url")).then().statusCode(200).extract().response());
        assertEquals(b.getMap("recommended.shape"), read.getMap("recommended.shape"));
        assertEquals(1e23, read.getDouble("computeFlops"));
        assertEquals("0.0.1-old", read.getString("advisorVersion"));
    }

    /**
     * A row as a version before stored results saved it (request and its own copy of the loss models, no result):
     * its first read plans it once and stores the result; later reads read that, not a recomputation.
     */
    @Test
    void aPlanSavedByAnOlderVersionIsStoredOnItsFirstRead() {
        JsonPath a = post(Map.of("computeFlops", 1e20, "model", "ling-2025"));
        JsonPath b = post(Map.of("computeFlops", 1e23, "model", "ling-2025"));
        long id = a.getLong("id");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE plan SET models_json = "
                        + "(SELECT json FROM model_snapshot WHERE hash = plan.snapshot_hash), result_json = NULL, "
                        + "snapshot_hash = NULL, advisor_version = NULL WHERE id = ?1")
                .setParameter(1, id).executeUpdate());
        assertEquals(List.of(true, false), legacyColumns(id), "a legacy row: its own model copy, no result");

        JsonPath first = ApiJson.of(given().get(a.getString("url")).then().statusCode(200).extract().response());
        assertEquals(a.getMap("recommended.shape"), first.getMap("recommended.shape"), "planned again, same answer");
        assertEquals(a.getDouble("recommended.predictedLoss"), first.getDouble("recommended.predictedLoss"));
        assertTrue(first.getString("advisorVersion").endsWith("(recomputed on first read)"),
                first.getString("advisorVersion"));
        assertEquals(List.of(false, true), legacyColumns(id), "stored: the result, and no model copy");

        // Stored, not recomputed: the row now holding plan b's result, a read answers that.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE plan SET result_json = (SELECT result_json FROM plan WHERE id = ?2) WHERE id = ?1")
                .setParameter(1, id).setParameter(2, b.getLong("id")).executeUpdate());
        JsonPath second = ApiJson.of(given().get(a.getString("url")).then().statusCode(200).extract().response());
        assertEquals(b.getMap("recommended.shape"), second.getMap("recommended.shape"));
        assertEquals(first.getString("advisorVersion"), second.getString("advisorVersion"));
    }

    /** Whether the row carries its own model copy, and whether it has a stored result and snapshot reference. */
    private List<Boolean> legacyColumns(long id) {
        Object[] row = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT models_json, result_json, snapshot_hash FROM plan WHERE id = ?1").setParameter(1, id)
                .getSingleResult());
        return List.of(row[0] != null, row[1] != null && row[2] != null);
    }

    @Test
    void theModelSnapshotIsStoredOncePerModelAndAPlanRowIsAFewKilobytes() throws Exception {
        DefaultFit.awaitId();
        JsonPath first = post(Map.of("computeFlops", 1e22, "uniqueTokens", 1e13));
        long snapshots = archive.snapshotCount();
        JsonPath second = post(Map.of("computeFlops", 3e21, "uniqueTokens", 1e12));
        assertEquals(snapshots, archive.snapshotCount(), "a second plan with the default fit adds no snapshot");
        List<String> hashes = ServiceTestAccess.snapshotHashes(archive, List.of(first.getLong("id"),
                second.getLong("id")));
        assertEquals(hashes.get(0), hashes.get(1));
        long row = archive.storedChars(first.getLong("id"));
        long snapshot = archive.snapshotChars(first.getLong("id"));
        System.out.printf("plan row JSON %d chars; shared default-fit snapshot %d chars%n", row, snapshot);
        assertTrue(snapshot > 100_000, "the default fit with its bootstrap models: " + snapshot);
        // About 23 KB: the request, twelve candidates with their shapes and metrics, the dense baseline, the search bounds
        // probed, paired gaps and the allocation check (against 183 KB when each row copied the model).
        assertTrue(row < 40_000, "a plan row stores its request and result only: " + row);
    }

    /**
     * Plans ranked with a model nobody has planned with yet, sent at the same moment: each tries to store the model's
     * snapshot, one insert wins and the others find it stored (a duplicate key is not an error) — every plan is
     * saved, all referencing the one snapshot row.
     */
    @Test
    void plansSavingTheSameNewSnapshotAtOnceAreAllSaved() throws Exception {
        for (int round = 0; round < 4; round++) {   // the inserts collide in most rounds, not in every one
            raceToStoreANewSnapshot();
        }
    }

    private void raceToStoreANewSnapshot() throws Exception {
        // No plan and so no snapshot left (as the retention test does): the first plans store ling-2025's anew.
        while (ServiceTestAccess.cleanup(archive, OffsetDateTime.now().plusYears(10), 1, 0) > 0) {
            // bounded passes of 2 × 100 plans each
        }
        String model = "ling-2025";
        assertEquals(0, archive.snapshotCount());
        int clients = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<Long>> calls = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                calls.add(() -> {
                    go.await();
                    while (true) {
                        io.restassured.response.Response r = given().contentType(ContentType.JSON)
                                .body(Map.of("computeFlops", 1e19, "model", model)).post("/api/v1/plan");
                        if (r.statusCode() != 429) {   // all plan permits taken: asked again, as a client would
                            assertEquals(201, r.statusCode(), r.asString());
                            return r.jsonPath().getLong("id");
                        }
                        Thread.sleep(20);
                    }
                });
            }
            List<Future<Long>> answers = new ArrayList<>();
            calls.forEach(c -> answers.add(pool.submit(c)));
            go.countDown();
            List<Long> ids = new ArrayList<>();
            for (Future<Long> f : answers) {
                ids.add(f.get());
            }
            assertEquals(clients, new HashSet<>(ids).size(), "every plan saved with an id of its own");
            assertEquals(1, archive.snapshotCount(), "one snapshot row for the model");
            assertEquals(1, new HashSet<>(ServiceTestAccess.snapshotHashes(archive, ids)).size());
            for (long id : ids) {
                given().get("/api/v1/plans/" + id).then().statusCode(200).body("model.id", equalTo(model));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void deleteRemovesAPlanAndAnUnknownIdIs404() {
        JsonPath p = post(Map.of("computeFlops", 1e20, "model", "ling-2025"));
        given().delete(p.getString("url")).then().statusCode(204);
        given().get(p.getString("url")).then().statusCode(404);
        given().accept("text/html").get(p.getString("permalink")).then().statusCode(404);
        given().delete(p.getString("url")).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("not-found"));
    }

    @Test
    void retentionDeletesPlansByAgeAndByCountAndThenOrphanedSnapshots() {
        JsonPath older = post(Map.of("computeFlops", 1e20, "model", "ling-2025"));
        JsonPath newer = post(Map.of("computeFlops", 1e21, "model", "ling-2025"));
        OffsetDateTime now = OffsetDateTime.now();
        // By count: keep the newest one only.
        ServiceTestAccess.cleanup(archive, now, 90, 1);
        given().get(older.getString("url")).then().statusCode(404);
        given().get(newer.getString("url")).then().statusCode(200);
        // By age: 91 days on, a 90-day retention removes it, and then its snapshot, unreferenced and unused.
        ServiceTestAccess.cleanup(archive, now.plusDays(91), 90, 100_000);
        given().get(newer.getString("url")).then().statusCode(404);
        assertEquals(0, archive.snapshotCount(), "no plan is left, so no snapshot is");
        // A plan made afterwards stores its snapshot again.
        JsonPath again = post(Map.of("computeFlops", 1e20, "model", "ling-2025"));
        given().get(again.getString("url")).then().statusCode(200);
        assertEquals(1, archive.snapshotCount());
    }

    @Test
    void retentionByCountCountsPlansNotTheSpanOfTheirIds() {
        OffsetDateTime now = OffsetDateTime.now();
        while (ServiceTestAccess.cleanup(archive, now.plusYears(10), 1, 0) > 0) {
            // empties the table, a bounded batch at a time
        }
        JsonPath first = post(Map.of("computeFlops", 1e20, "model", "ling-2025"));
        JsonPath middle = post(Map.of("computeFlops", 1e21, "model", "ling-2025"));
        JsonPath last = post(Map.of("computeFlops", 1e22, "model", "ling-2025"));
        given().delete(middle.getString("url")).then().statusCode(204);
        // two plans whose ids span three: a limit of two deletes nothing
        assertEquals(0, ServiceTestAccess.cleanup(archive, now, 90, 2));
        given().get(first.getString("url")).then().statusCode(200);
        // a limit of one deletes the oldest
        assertEquals(1, ServiceTestAccess.cleanup(archive, now, 90, 1));
        given().get(first.getString("url")).then().statusCode(404);
        given().get(last.getString("url")).then().statusCode(200);
    }
}
