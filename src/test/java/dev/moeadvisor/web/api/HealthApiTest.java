package dev.moeadvisor.web.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Health output is public: check names and UP/DOWN only, never exception classes, messages or SQL, also when a
 * check throws; liveness stays UP while readiness is DOWN.
 */
@QuarkusTest
class HealthApiTest {

    @Test
    void everyCheckShowsItsNameAndStatusOnly() throws Exception {
        DefaultFit.awaitId();
        for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/health/started")) {
            JsonPath health = given().get(path).then().statusCode(200).extract().jsonPath();
            assertEquals("UP", health.getString("status"), path);
            List<Map<String, Object>> checks = health.getList("checks");
            for (Map<String, Object> check : checks) {
                assertEquals(Set.of("name", "status"), check.keySet(), path + ": " + check);
            }
        }
        List<String> ready = given().get("/q/health/ready").then().extract().jsonPath().getList("checks.name");
        assertTrue(ready.containsAll(List.of("database", "default-fit")), ready.toString());
    }

    @Test
    void aThrowingCheckIsDownWithoutItsExceptionAndLivenessStaysUp() {
        FailingReadinessForTests.failing = true;
        try {
            String body = given().get("/q/health/ready").then().statusCode(503).extract().asString();
            JsonPath health = JsonPath.from(body);
            assertEquals("DOWN", health.getString("status"));
            List<Map<String, Object>> checks = health.getList("checks");
            for (Map<String, Object> check : checks) {
                assertEquals(Set.of("name", "status"), check.keySet(), check.toString());
            }
            for (String leak : List.of("IllegalStateException", "SQLException", "insert into", "/var/lib", "53100")) {
                assertFalse(body.contains(leak), "health output shows '" + leak + "': " + body);
            }
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            FailingReadinessForTests.failing = false;
        }
    }
}
