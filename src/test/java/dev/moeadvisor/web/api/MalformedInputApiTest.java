package dev.moeadvisor.web.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Regressions found by {@link FuzzApiTest}: each of these bodies used to answer 500. */
@QuarkusTest
class MalformedInputApiTest {

    static final String RUN = """
            {"kind":"dense","nLayers":28,"dModel":2176,"nHeads":17,"dFfn":8848,"tokens":1.14e11,"metric":"val_bpc",
             "value":0.4808}""";

    static void problem400(String path, String body, String field) {
        given().contentType(ContentType.JSON).body(body).post(path).then()
                .statusCode(400).contentType("application/problem+json").body("status", equalTo(400))
                .body("errors.field", hasItem(field)).body(not(containsString("Exception")));
    }

    @Test
    void nullRunInAJsonUploadIsRefusedWithItsPosition() {
        problem400("/api/v1/datasets", "{\"name\":\"nulls\",\"runs\":[" + RUN + ",null]}", "runs");
        given().contentType(ContentType.JSON).body("{\"name\":\"nulls\",\"runs\":[null]}").post("/api/v1/datasets")
                .then().statusCode(400).body("errors.line", hasItem(1));
    }

    @Test
    void nullEntriesInAFitFilterOrPinsAreRefused() {
        String fit = "{\"dataset\":\"equal-resources-2025\",\"metric\":\"val_bpc\",";
        problem400("/api/v1/fits", fit + "\"filter\":{\"kinds\":[null]}}", "filter.kinds[0]");
        problem400("/api/v1/fits", fit + "\"filter\":{\"tables\":[12,null]}}", "filter.tables[1]");
        problem400("/api/v1/fits", fit + "\"filter\":{\"runIds\":[null]}}", "filter.runIds[0]");
        problem400("/api/v1/fits", fit + "\"pinned\":{\"a\":null}}", "pinned[a]");
    }

    @Test
    void fitFilterLimitsApply() {
        problem400("/api/v1/fits", "{\"dataset\":\"equal-resources-2025\",\"metric\":\"val_bpc\","
                + "\"filter\":{\"kinds\":[\"moe\",\"dense\",\"moe\"]}}", "filter.kinds");
    }

    @Test
    void aFieldGivenTwiceIsRefused() {
        // Every field of the record present, then one again: Jackson's definition error used to answer 500.
        problem400("/api/v1/datasets", "{\"name\":\"dup\",\"description\":\"a\",\"runs\":[" + RUN
                + "],\"description\":\"b\"}", "body");
        problem400("/api/v1/evaluate", "{\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":2,\"layers\":3,"
                + "\"dModel\":64,\"heads\":4,\"dFfn\":64},\"tokens\":1e9}", "shape");
    }

    @Test
    void anUnparseableContentTypeIsA415Problem() {
        // POST /api/v1/datasets takes JSON or CSV: choosing between them parsed the header and threw (500).
        for (String type : new String[] {"garbage", "garbage/", "/json", "application/json, text/plain"}) {
            given().header("Content-Type", type).body("{}".getBytes()).post("/api/v1/datasets").then()
                    .statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
            given().header("Content-Type", type).body("{}".getBytes()).post("/api/v1/evaluate").then()
                    .statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
        }
    }
}
