package dev.moeadvisor.web.api;

import dev.moeadvisor.service.PlanCapacity;
import dev.moeadvisor.service.ServiceTestAccess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Admission control over real HTTP: plans and sweeps larger than their work budget are refused with a 422 problem
 * naming the bounds to narrow before any shape is evaluated, and beyond the concurrency limit with 429.
 */
@QuarkusTest
class PlanLimitsApiTest {

    @Inject
    PlanCapacity capacity;

    @TestHTTPResource("/")
    URL url;

    /** The request of issue 8 that exhausted the heap after 36 s (every field within its bounds). */
    static Map<String, Object> heapExhausting() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("computeFlops", 1e32);
        body.put("fixedTotalParams", 1e9);
        body.put("fixedTotalParamsTolerance", 1e-9);
        body.put("maxTopK", 128);
        body.put("maxExperts", 65536);
        body.put("minActivationRatio", 1e-9);
        body.put("maxDenseLayers", 0);
        body.put("minAspectRatio", 1);
        body.put("maxAspectRatio", 100000);
        body.put("minGranularity", 0.01);
        body.put("maxGranularity", 1024);
        body.put("model", "ling-2025");
        return body;
    }

    @Test
    void theHeapExhaustingPlanIsRefusedWith422NamingTheWidenedBounds() {
        Response r = given().contentType(ContentType.JSON).body(heapExhausting()).post("/api/v1/plan")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("plan-too-large"))
                .body("detail", containsString("more than the limit of 2000000")).extract().response();
        List<String> fields = r.jsonPath().getList("errors.field");
        assertTrue(fields.containsAll(List.of("maxExperts", "maxTopK", "minGranularity", "maxGranularity")),
                fields::toString);
        // maxDenseLayers = 0 narrows the grid, minActivationRatio does not shape it and the aspect band does not widen
        // it (depth is set by the rule L = round(d_model/85)): they are not blamed.
        assertTrue(!fields.contains("maxDenseLayers") && !fields.contains("minActivationRatio")
                && !fields.contains("maxAspectRatio"), fields::toString);
        // The estimate is in the message: about 5.2 million shapes (the search would have visited them all).
        long estimate = Long.parseLong(r.jsonPath().getString("detail").replaceAll(".*about (\\d+) shapes.*", "$1"));
        assertTrue(estimate > 2_000_000L, "estimate " + estimate);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void theWidenedPlanWithoutAFixedSizeIsRefusedToo() {
        Map<String, Object> body = heapExhausting();
        body.remove("fixedTotalParams");
        body.remove("fixedTotalParamsTolerance");
        body.put("computeFlops", 1e24);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/plan")
                .then().statusCode(422).body("type", equalTo("plan-too-large"))
                .body("errors.field", org.hamcrest.Matchers.hasItems("maxExperts", "maxTopK"));
    }

    @Test
    void aSweepWhoseBudgetsTogetherExceedTheWorkBudgetIsRefused() {
        // 400 budgets of a template with twice the default experts and top-k: well above 1e5 shapes each, above the
        // 5e7 limit together.
        List<Map<String, Object>> budgets = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            budgets.add(Map.of("computeFlops", 1e22));
        }
        given().contentType(ContentType.JSON).body(Map.of("template",
                        Map.of("model", "ling-2025", "maxExperts", 1024, "maxTopK", 16), "budgets", budgets))
                .post("/api/v1/plan/sweep").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("plan-too-large")).body("errors[0].field", equalTo("budgets"))
                .body("detail", containsString("more than the limit of 50000000"));
        // One budget of a widened template is refused before the sweep starts, naming its bounds.
        Map<String, Object> template = heapExhausting();
        template.remove("computeFlops");
        given().contentType(ContentType.JSON).body(Map.of("template", template,
                        "budgets", List.of(Map.of("computeFlops", 1e20), Map.of("computeFlops", 1e32))))
                .post("/api/v1/plan/sweep").then().statusCode(422).body("type", equalTo("plan-too-large"))
                .body("errors.field", org.hamcrest.Matchers.hasItem("maxExperts"));
    }

    @Test
    void aPlanWhoseClientGoesAwayIsCancelled() throws Exception {
        // 1.78 million shapes (under the limit): a few tenths of a second of search, or more on a busy machine.
        String body = "{\"computeFlops\":1e24,\"maxExperts\":4096,\"maxTopK\":32,\"model\":\"ling-2025\"}";
        double before = stoppedCancelled();
        try (Socket socket = new Socket("localhost", url.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/plan HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime() + 30_000_000_000L;
            while (capacity.running() == 0 && System.nanoTime() < started) {
                Thread.sleep(2);
            }
            assertEquals(1, capacity.running(), "the plan is running");
        }
        long until = System.nanoTime() + 30_000_000_000L;
        while (stoppedCancelled() <= before && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertEquals(before + 1, stoppedCancelled(), "the search stopped when the connection closed");
    }

    static double stoppedCancelled() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("advisor_plans_stopped_total{") && l.contains("reason=\"cancelled\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void beyondTheConcurrencyLimitAPlanOrSweepIsRefusedWith429AndRetryAfter() {
        int taken = ServiceTestAccess.fill(capacity);
        try {
            assertEquals(capacity.permits(), taken, "no plan runs while the test holds the permits");
            given().contentType(ContentType.JSON).body(Map.of("computeFlops", 1e20, "model", "ling-2025"))
                    .post("/api/v1/plan").then().statusCode(429).contentType("application/problem+json")
                    .header("Retry-After", "2").body("type", equalTo("too-many-plans"));
            given().contentType(ContentType.JSON).body(Map.of("budgets", List.of(Map.of("computeFlops", 1e20)),
                            "template", Map.of("model", "ling-2025")))
                    .post("/api/v1/plan/sweep").then().statusCode(429).header("Retry-After", "2");
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            ServiceTestAccess.release(capacity, taken);
        }
        given().contentType(ContentType.JSON).body(Map.of("computeFlops", 1e20, "model", "ling-2025"))
                .post("/api/v1/plan").then().statusCode(201);
    }
}
