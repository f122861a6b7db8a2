package dev.moeadvisor.web.ui;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user-provided name that looks like markup is shown as text in a real browser and never runs: a data set named
 * with a script and an image whose error handler would set {@code window.__xss}.
 */
@QuarkusTest
class EscapingBrowserTest extends BrowserTest {

    static final String NAME = "<script>window.__xss='script'</script><img src=x onerror=\"window.__xss='img'\">";

    @Test
    void scriptLikeDataSetNameIsTextAndNeverRuns() {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("name", NAME, "description", NAME, "runs", List.of(Map.of("kind", "dense", "nLayers", 28,
                        "dModel", 2176, "nHeads", 17, "dFfn", 8848, "tokens", 1.14e11, "metric", "val_bpc",
                        "value", 0.4808))))
                .post("/api/v1/datasets").then().statusCode(201).extract().path("id");
        String base = url("");
        try (Chromium.WatchedPage w = chromium.newPage()) {
            List<String> dialogs = new ArrayList<>();
            w.page.onDialog(d -> {
                dialogs.add(d.message());
                d.dismiss();
            });
            for (String path : List.of("/datasets", "/datasets/" + id)) {
                w.page.navigate(base + path);
                assertTrue(w.page.locator("body").innerText().contains(NAME), path + " shows the name as text");
                assertEquals(0, w.page.locator("main script:not([src]):not([type='application/json'])").count(),
                        path + ": no script element from the name");
                assertEquals("undefined", String.valueOf(w.page.evaluate("() => typeof window.__xss")), path);
            }
            assertTrue(dialogs.isEmpty(), "dialogs: " + dialogs);
            w.screenshot("escaping.png");
        }
    }
}
