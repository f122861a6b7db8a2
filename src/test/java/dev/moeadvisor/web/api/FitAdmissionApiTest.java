package dev.moeadvisor.web.api;

import dev.moeadvisor.service.FitService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fit admission (work limit, LOO mode), cancellation and deletion of fits, and data sets under a running fit. */
@QuarkusTest
class FitAdmissionApiTest {

    @Inject
    EntityManager em;

    /** Tables 9–13 of the bundled runs (50 runs) with 2,000 resamples: 50 × (32 + 2000 + 50) = 104,100 > 40,000. */
    private static Map<String, Object> backgroundFit(String dataset, int seed) {
        return Map.of("dataset", dataset, "metric", "val_bpc", "filter", Map.of("tables", List.of(9, 10, 11, 12, 13)),
                "bootstrap", 2000, "seed", seed);
    }

    @Test
    void aTenThousandRunFitWithTwoThousandResamplesIsRefusedBeforeItRuns() {
        StringBuilder csv = new StringBuilder("kind,n_layers,d_model,n_heads,d_ffn,tokens,unique_tokens,metric,value\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append("dense,").append(8 + i % 24).append(',').append(512 + 64 * (i % 20)).append(",8,")
                    .append(2048 + 256 * (i % 16)).append(',').append(1e9 * (1 + i % 97)).append(",,val_bpc,")
                    .append(0.9 - 1e-5 * i).append('\n');
        }
        String id = given().contentType("text/csv").queryParam("name", "ten thousand runs").body(csv.toString())
                .post("/api/v1/datasets").then().statusCode(201).extract().path("id");
        // 10,000 runs > advisor.fit.loo-full-max-runs (200): LOO is subsampled to 100 runs by default, and the work is
        // 10,000 × (32 starts + 2,000 resamples + 100 LOO refits) = 21,320,000 > advisor.fit.max-work = 5,000,000.
        JsonPath p = given().contentType(ContentType.JSON)
                .body(Map.of("dataset", id, "metric", "val_bpc", "bootstrap", 2000))
                .post("/api/v1/fits").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("fit-too-large"))
                .body("errors.field", hasItems("bootstrap", "filter", "looMode"))
                .body("detail", containsString("21320000 run-optimisations (10000 runs × (32 starts + 2000 resamples "
                        + "+ 100 leave-one-out refits))"))
                .extract().jsonPath();
        // 5,000,000 / 10,000 = 500 optimisations per run: 500 − 32 − 100 = 368 resamples would fit.
        assertEquals("at most 368 resamples fit under the limit with these 10000 runs",
                p.getString("errors.find { it.field == 'bootstrap' }.message"));
        // n × (2,032 + 100) ≤ 5,000,000 ⇔ n ≤ 2,345.2: at most 2,345 runs.
        String filter = p.getString("errors.find { it.field == 'filter' }.message");
        assertTrue(filter.contains("at most 2345 fit"), filter);
        // Nothing was stored for the refused fit.
        given().get("/api/v1/fits").then().body("findAll { it.dataset == '" + id + "' }.size()", equalTo(0));
        given().delete("/api/v1/datasets/" + id).then().statusCode(204);
    }

    @Test
    void leaveOneOutCanBeSwitchedOffAndAnUnknownModeIsRefused() {
        given().contentType(ContentType.JSON).body(Map.of("dataset", "equal-resources-2025", "metric", "val_bpc",
                        "looMode", "sometimes")).post("/api/v1/fits")
                .then().statusCode(400).body("errors.field", hasItem("looMode"));
        given().contentType(ContentType.JSON).body(Map.of("dataset", "equal-resources-2025", "metric", "val_bpc",
                        "filter", Map.of("tables", List.of(9, 10, 11, 12, 13)), "bootstrap", 0, "seed", 5,
                        "looMode", "none")).post("/api/v1/fits")
                .then().statusCode(201).body("status", equalTo("DONE"))
                .body("diagnostics.leaveOneOutRmse", nullValue());
    }

    @Test
    void aRunningBackgroundFitIsCancelledOverHttpAndAFinishedOneDeleted() throws Exception {
        DefaultFit.awaitId();
        var accepted = given().contentType(ContentType.JSON).body(backgroundFit("equal-resources-2025", 4242))
                .post("/api/v1/fits").then().statusCode(202).extract();
        String url = accepted.header("Location");
        given().delete(url).then().statusCode(202).body("id", equalTo(accepted.path("id")));
        String status = awaitEnd(url);
        assertEquals("CANCELLED", status);
        given().get(url).then().body("message", containsString("cancelled on request"));
        // A finished (here: cancelled) fit is deleted; then it is gone.
        given().delete(url).then().statusCode(204);
        given().get(url).then().statusCode(404).contentType("application/problem+json");
        given().delete(url).then().statusCode(404);
    }

    /**
     * {@code DELETE} on another instance sharing the database marks the row {@code CANCELLED} with
     * {@link FitService#CANCELLED_ELSEWHERE} (that instance has no flag to raise): written here as it would write it.
     * The instance running the fit reads it at its next heartbeat and stops the fitter, which then records where it
     * stopped and frees its fit slot. (TwoInstancesIT does the same with two packaged instances.)
     */
    @Test
    void aFitCancelledThroughAnotherInstanceIsStoppedAtTheNextHeartbeat() throws Exception {
        DefaultFit.awaitId();
        double before = cancelledFits();
        var accepted = given().contentType(ContentType.JSON).body(backgroundFit("equal-resources-2025", 4444))
                .post("/api/v1/fits").then().statusCode(202).extract();
        String url = accepted.header("Location");
        long id = Long.parseLong(accepted.path("id"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE fit SET status = 'CANCELLED', message = ?2 WHERE id = ?1 AND status = 'RUNNING'")
                .setParameter(1, id).setParameter(2, FitService.CANCELLED_ELSEWHERE).executeUpdate());
        Instant deadline = Instant.now().plusSeconds(300);   // a heartbeat (3 s) and one local fit, on a busy machine
        String message = FitService.CANCELLED_ELSEWHERE;
        while (FitService.CANCELLED_ELSEWHERE.equals(message) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            message = given().get(url).then().statusCode(200).body("status", equalTo("CANCELLED")).extract()
                    .path("message");
        }
        assertTrue(message.startsWith("cancelled on request, cancelled during the "), message);
        assertEquals(before + 1, cancelledFits(), "the fitter stopped as cancelled");
        given().delete(url).then().statusCode(204);
    }

    /** {@code advisor_fits_seconds_count{outcome="cancelled"}}: fits whose fitter stopped on a cancellation. */
    static double cancelledFits() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("advisor_fits_seconds_count{") && l.contains("outcome=\"cancelled\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void aRunningFitIsCancelledFromItsPageAfterConfirmation() throws Exception {
        DefaultFit.awaitId();
        String url = given().contentType(ContentType.JSON).body(backgroundFit("equal-resources-2025", 4343))
                .post("/api/v1/fits").then().statusCode(202).extract().header("Location");
        String id = url.substring(url.lastIndexOf('/') + 1);
        given().accept("text/html").get("/fits/" + id + "/cancel").then().statusCode(200)
                .body(containsString("Cancel fit #" + id + "?"))
                .body(containsString("action=\"/fits/" + id + "/cancel\""));
        given().accept("text/html").redirects().follow(false).post("/fits/" + id + "/cancel")
                .then().statusCode(303).header("Location", containsString("/fits/" + id));
        assertEquals("CANCELLED", awaitEnd(url));
        given().accept("text/html").get("/fits/" + id).then().statusCode(200)
                .body(containsString("id=\"fit-cancelled\""));
        // Nothing left to cancel: 409.
        given().accept("text/html").get("/fits/" + id + "/cancel").then().statusCode(409);
        given().delete(url).then().statusCode(204);
    }

    @Test
    void theDefaultFitAndThePublishedModelCannotBeDeleted() throws Exception {
        String id = DefaultFit.awaitId();
        given().delete("/api/v1/fits/" + id).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("default fit"));
        given().delete("/api/v1/fits/ling-2025").then().statusCode(409);
        given().delete("/api/v1/fits/999999999").then().statusCode(404);
    }

    @Test
    void aDataSetCannotBeDeletedUnderARunningFit() throws Exception {
        DefaultFit.awaitId();
        // The bundled validation-BPC runs (an upload holds one metric), Tables 9–13 among them.
        String bundled = given().get("/api/v1/datasets/equal-resources-2025/runs.csv").then().statusCode(200)
                .extract().asString().lines().filter(l -> l.startsWith("run_id,") || l.contains(",val_bpc,"))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        String id = given().contentType("text/csv").queryParam("name", "busy set").body(bundled)
                .post("/api/v1/datasets").then().statusCode(201).extract().path("id");
        String url = given().contentType(ContentType.JSON).body(backgroundFit(id, 7))
                .post("/api/v1/fits").then().statusCode(202).extract().header("Location");
        String fitId = url.substring(url.lastIndexOf('/') + 1);
        given().delete("/api/v1/datasets/" + id).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("dataset-in-use")).body("errors.field", hasItem("fit"))
                .body("detail", containsString("fit " + fitId));
        given().get("/api/v1/datasets/" + id).then().statusCode(200);
        given().delete(url).then().statusCode(202);
        assertEquals("CANCELLED", awaitEnd(url));
        given().delete("/api/v1/datasets/" + id).then().statusCode(204);
        given().get(url).then().statusCode(404);
    }

    private static String awaitEnd(String url) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        String status = "RUNNING";
        while ("RUNNING".equals(status) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            status = given().get(url).then().statusCode(200).extract().path("status");
        }
        return status;
    }
}
