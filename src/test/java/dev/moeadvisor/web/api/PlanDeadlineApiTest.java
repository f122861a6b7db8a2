package dev.moeadvisor.web.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The per-request deadline ({@code advisor.plan.deadline}) is checked inside the search: with a deadline of zero
 * every plan and sweep stops at its first check and answers a 503 problem with {@code Retry-After}; nothing is
 * stored.
 */
@QuarkusTest
@TestProfile(PlanDeadlineApiTest.ZeroDeadline.class)
class PlanDeadlineApiTest {

    /** A deadline already past when the search starts; no default fit at start (the test ranks with ling-2025). */
    public static class ZeroDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("advisor.plan.deadline", "0s", "advisor.sweep.deadline", "0s",
                    "advisor.fit.default-at-startup", "false");
        }
    }

    @Test
    void aPlanOrSweepPastItsDeadlineStopsWith503AndStoresNothing() {
        int saved = given().get("/api/v1/plans").then().statusCode(200).extract().jsonPath().getList("$").size();
        given().contentType(ContentType.JSON).body(Map.of("computeFlops", 1e22, "model", "ling-2025"))
                .post("/api/v1/plan").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "10").body("type", equalTo("plan-deadline"))
                .body("detail", containsString("deadline"));
        given().contentType(ContentType.JSON).body(Map.of("template", Map.of("model", "ling-2025"),
                        "budgets", List.of(Map.of("computeFlops", 1e20))))
                .post("/api/v1/plan/sweep").then().statusCode(503).body("type", equalTo("plan-deadline"));
        assertEquals(saved, given().get("/api/v1/plans").then().extract().jsonPath().getList("$").size());
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertEquals(2.0, metrics.lines().filter(l -> l.startsWith("advisor_plans_stopped_total{")
                        && l.contains("reason=\"deadline\"")).mapToDouble(l -> Double.parseDouble(
                        l.substring(l.lastIndexOf(' ') + 1))).sum());
    }
}
