package dev.moeadvisor.web.ui;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * A page that does not exist, asked for by a browser, is answered with the advisor's own 404 page in words (where
 * to go instead), never the framework's message; the JSON API keeps answering problem+json.
 */
@QuarkusTest
class NotFoundPageTest {

    @Test
    void unknownPagesAnswerAFriendlyNotFoundPage() {
        for (String path : List.of("/no-such-page", "/plans/abc", "/plans/1/nope", "/evaluate/nope", "/fits/1/x/y",
                "/datasets/x/y/z", "/laws/nope")) {
            given().accept("text/html,application/xhtml+xml,*/*;q=0.8").get(path).then().statusCode(404)
                    .contentType(startsWith("text/html"))
                    .body(allOf(containsString("<h1>Page not found</h1>"), containsString("href=\"/plan\""),
                            containsString("href=\"/evaluate\""), not(containsString("Unable to find")),
                            not(containsString("resource method")), not(containsString("/q/openapi"))));
        }
    }

    @Test
    void theApiStillAnswersProblemJson() {
        given().accept("application/json").get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body(not(containsString("Unable to find")));
    }
}
