package dev.moeadvisor.web.ui.plan;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/** A plan form whose search is too large re-renders with 422, the message and the fields to narrow. */
@QuarkusTest
class PlanLimitsPagesTest {

    @Test
    void aTooLargeSearchReRendersTheFormNamingTheBoundsToNarrow() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("model", "ling-2025");
        f.put("budget", "computeFlops");
        f.put("computeFlops", "1e32");
        f.put("maxExperts", "65536");
        f.put("maxTopK", "128");
        f.put("minAspectRatio", "1");
        f.put("maxAspectRatio", "100000");
        f.put("minGranularity", "0.01");
        f.put("maxGranularity", "1024");
        given().accept("text/html").redirects().follow(false).formParams(f).post("/plan").then().statusCode(422)
                .contentType(startsWith("text/html"))
                .body(allOf(containsString("id=\"plan-alert\""), containsString("This search is too large"),
                        containsString("more than the limit of 2000000"),
                        containsString("id=\"f-maxExperts-error\">widens the grid"),
                        containsString("name=\"maxExperts\" value=\"65536\"")));
    }
}
