package dev.moeadvisor.web.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every error the API gives is an {@code application/problem+json} problem in the advisor's vocabulary, with no
 * framework class or annotation names (over real HTTP).
 */
@QuarkusTest
class ErrorVocabularyApiTest {

    /** Words of the framework that must never reach a client. */
    private static final List<String> FRAMEWORK = List.of("Unable to find matching target resource method", "jakarta",
            "javax", "resteasy", "RESTEASY", "io.quarkus", "io.vertx", "Exception", "@Produces", "@Consumes",
            "org.hibernate", "org.h2", "at dev.moeadvisor");

    private static void isProblem(Response r, int status, String type) {
        assertEquals(status, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType() + ": " + r.asString());
        assertEquals(type, r.jsonPath().getString("type"), r.asString());
        assertEquals(status, r.jsonPath().getInt("status"));
        for (String word : FRAMEWORK) {
            assertFalse(r.asString().contains(word), word + " leaked: " + r.asString());
        }
    }

    @Test
    void anUnknownPathIsA404Problem() {
        isProblem(given().get("/api/v1/no-such-thing"), 404, "not-found");
        isProblem(given().contentType(ContentType.JSON).body("{}").post("/api/v1/no-such-thing"), 404, "not-found");
    }

    @Test
    void aWrongMethodIsA405Problem() {
        isProblem(given().delete("/api/v1/laws"), 405, "method-not-allowed");
    }

    @Test
    void anUnproducibleAcceptIsA406Problem() {
        isProblem(given().accept("application/xml").get("/api/v1/laws"), 406, "not-acceptable");
    }

    @Test
    void anUnsupportedContentTypeIsA415Problem() {
        isProblem(given().contentType("application/xml").body("<x/>").post("/api/v1/evaluate"), 415,
                "unsupported-media-type");
    }

    @Test
    void aTooLongRequestLineIsA414Problem() {
        isProblem(given().get("/api/v1/shapes/" + "x".repeat(20_000)), 414, "uri-too-long");
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413Problem() throws Exception {
        // No Content-Length: the body is streamed in chunks, 10,000,001 bytes > advisor.http.max-body-bytes.
        HttpURLConnection c = (HttpURLConnection) URI.create("http://localhost:" + io.restassured.RestAssured.port
                + "/api/v1/evaluate").toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setChunkedStreamingMode(64 * 1024);
        c.setRequestProperty("Content-Type", "application/json");
        int status;
        try (var out = c.getOutputStream()) {
            byte[] spaces = new byte[100_000];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 100; i++) {
                out.write(spaces);
            }
            out.write('1');
        } catch (java.io.IOException refusedWhileSending) {
            // The server may answer and close before the whole body was sent; the answer is read below.
        }
        status = c.getResponseCode();
        String body;
        try (InputStream in = c.getErrorStream()) {
            body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(413, status, body);
        assertTrue(c.getContentType().startsWith("application/problem+json"), c.getContentType());
        assertTrue(body.contains("\"type\":\"too-large\""), body);
        assertTrue(body.contains("10000000"), body);
    }

    @Test
    void aLimitThatIsNotANumberIsA400NamingLimit() {
        Response r = given().get("/api/v1/plans?limit=abc");
        isProblem(r, 400, "invalid-request");
        assertEquals("limit", r.jsonPath().getString("errors[0].field"));
    }

    @Test
    void aDescriptionOverFourThousandCharactersIsA400NamingDescription() {
        Response r = given().contentType("text/csv").queryParam("name", "long description")
                .queryParam("description", "d".repeat(4_001))
                .body("kind,n_layers,d_model,n_heads,d_ffn,tokens,unique_tokens,metric,value\n"
                        + "dense,28,2176,17,8848,1.14e11,,val_bpc,0.4808\n")
                .post("/api/v1/datasets");
        isProblem(r, 400, "invalid-run-data");
        assertEquals("description", r.jsonPath().getString("errors[0].field"));
        given().get("/api/v1/datasets").then().body("name", not(hasItem("long description")));
    }

    @Test
    void sameNameConcurrentUploadsGiveOne201AndClean409s() throws Exception {
        String csv = "kind,n_layers,d_model,n_heads,d_ffn,tokens,unique_tokens,metric,value\n"
                + "dense,28,2176,17,8848,1.14e11,,val_bpc,0.4808\n";
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Response>> uploads = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                uploads.add(() -> given().contentType("text/csv").queryParam("name", "Raced name").body(csv)
                        .post("/api/v1/datasets"));
            }
            int created = 0;
            for (Future<Response> f : pool.invokeAll(uploads)) {
                Response r = f.get();
                if (r.statusCode() == 201) {
                    created++;
                } else {
                    isProblem(r, 409, "name-taken");
                    assertEquals("name", r.jsonPath().getString("errors[0].field"));
                }
            }
            // At least one stored; the others either stored under a suffixed id (sequential) or refused cleanly.
            assertTrue(created >= 1, "created " + created);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnknownModelIdIsEchoedTruncated() {
        String id = "m".repeat(100_000);
        Response r = given().contentType(ContentType.JSON).body(Map.of("computeFlops", 1e21, "model", id))
                .post("/api/v1/plan");
        isProblem(r, 400, "invalid-request".equals(r.jsonPath().getString("type")) ? "invalid-request" : "unknown-model");
        assertTrue(r.asString().length() < 1_000, "answer of " + r.asString().length() + " characters");
        assertTrue(r.asString().contains("'" + "m".repeat(64) + "…' (100000 characters)"), r.asString());
    }

    @Test
    void outOfMemoryIsA503ProblemWithoutAStackTrace() {
        Response r = given().get("/api/v1/test-only/out-of-memory");
        isProblem(r, 503, "overloaded");
        assertFalse(r.asString().contains("OutOfMemoryError") || r.asString().contains("heap"), r.asString());
        assertEquals("30", r.header("Retry-After"));
    }

    @Test
    void aCrossSiteRequestIsA403Problem() {
        isProblem(given().header("Origin", "https://evil.example").delete("/api/v1/datasets/x"), 403,
                "cross-site-request");
    }

    @Test
    void unknownIdsAre404Problems() {
        isProblem(given().get("/api/v1/datasets/nope"), 404, "not-found");
        isProblem(given().get("/api/v1/fits/nope"), 404, "not-found");
    }
}
