package dev.moeadvisor.web.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** CSRF (Origin / Sec-Fetch-Site check), body limits, security headers and the advisor's metrics, over real HTTP. */
@QuarkusTest
class HardeningApiTest {

    @Test
    void crossSiteFormPostsAreRefusedAndSameSiteOnesPass() {
        // A page on another site posting the evaluate form: refused before the resource runs.
        given().header("Origin", "https://evil.example").contentType(ContentType.URLENC)
                .formParam("layers", "2").post("/evaluate")
                .then().statusCode(403).body(containsString("another site"));
        given().header("Referer", "https://evil.example/page").contentType(ContentType.URLENC)
                .formParam("layers", "2").post("/plan").then().statusCode(403);
        given().header("Origin", "null").contentType(ContentType.URLENC).formParam("layers", "2").post("/evaluate")
                .then().statusCode(403);
        // The same form from the advisor's own origin reaches the page (a 400 for the incomplete form).
        int port = io.restassured.RestAssured.port;
        given().header("Origin", "http://localhost:" + port).contentType(ContentType.URLENC)
                .formParam("layers", "2").post("/evaluate").then().statusCode(400);
        // Whatever the content type: a JSON API call from another origin is refused too.
        given().header("Origin", "https://evil.example").contentType(ContentType.JSON)
                .body(Map.of("computeFlops", 1e10, "model", "ling-2025")).post("/api/v1/plan")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("cross-site-request"));
        // A script with neither Origin nor Sec-Fetch-Site (curl) is not a browser: it passes (422: infeasible).
        given().contentType(ContentType.JSON).body(Map.of("computeFlops", 1e10, "model", "ling-2025"))
                .post("/api/v1/plan").then().statusCode(422);
    }

    @Test
    void bodylessAndFetchMetadataCrossSiteRequestsAreRefused() {
        String id = given().contentType("text/csv").queryParam("name", "cross-site target")
                .body("kind,n_layers,d_model,n_heads,d_ffn,tokens,unique_tokens,metric,value\n"
                        + "dense,28,2176,17,8848,1.14e11,,val_bpc,0.4808\n")
                .post("/api/v1/datasets").then().statusCode(201).extract().path("id");
        // A bodyless form post (no Content-Type at all) from another origin: refused, the data set stays.
        given().header("Origin", "http://127.0.0.1:1").post("/datasets/" + id + "/delete").then().statusCode(403);
        // Fetch Metadata alone (no Origin) saying cross-site or same-site: refused, for DELETE too.
        given().header("Sec-Fetch-Site", "cross-site").delete("/api/v1/datasets/" + id).then().statusCode(403)
                .body("detail", containsString("another site"));
        given().header("Sec-Fetch-Site", "same-site").post("/datasets/" + id + "/delete").then().statusCode(403);
        given().get("/api/v1/datasets/" + id).then().statusCode(200);
        // From the advisor's own origin (as a browser says it), the deletion goes through.
        given().header("Sec-Fetch-Site", "same-origin").header("Origin", "http://localhost:" + io.restassured.RestAssured.port)
                .redirects().follow(false).post("/datasets/" + id + "/delete").then().statusCode(303);
        given().get("/api/v1/datasets/" + id).then().statusCode(404);
    }

    @Test
    void oversizedBodiesAre413Problems() {
        byte[] big = new byte[10_000_001];
        java.util.Arrays.fill(big, (byte) ' ');
        given().contentType(ContentType.JSON).body(big).post("/api/v1/evaluate")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413)).body("detail", containsString("limit is 10000000"));
    }

    @Test
    void pagesCarrySecurityHeaders() {
        given().get("/evaluate").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Referrer-Policy", "same-origin");
        // Swagger UI needs its inline scripts: no CSP there.
        given().get("/q/swagger-ui/").then().statusCode(200).header("Content-Security-Policy", nullValue());
    }

    @Test
    void metricsCountPlansUploadsAndFits() throws Exception {
        DefaultFit.awaitId();
        given().contentType(ContentType.JSON).body(Map.of("computeFlops", 1e21, "model", "ling-2025"))
                .post("/api/v1/plan").then().statusCode(201);
        given().contentType("text/csv").queryParam("name", "metrics")
                .body("kind,n_layers,d_model,n_heads,d_ffn,tokens,unique_tokens,metric,value\n"
                        + "dense,28,2176,17,8848,1.14e11,,val_bpc,0.4808\n")
                .post("/api/v1/datasets").then().statusCode(201);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("advisor_plans_seconds_count"))
                .body(containsString("advisor_uploads_seconds_count{"))
                .body(containsString("advisor_fits_seconds_count{"))
                .body(not(containsString("advisor_plans_seconds_count{class=\"x\"")));
    }
}
