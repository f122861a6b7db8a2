package dev.moeadvisor.web.ui;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real Chromium: a page served from another origin (a second HTTP server on another loopback port) that posts a
 * form and sends {@code fetch()} requests to delete a data set cannot delete it; the advisor's own confirmation
 * page can, and names the fits that go with it.
 */
@QuarkusTest
class CrossSiteBrowserTest extends BrowserTest {

    private String upload(String name) {
        return given().contentType("text/csv").queryParam("name", name).body(TestRunFiles.smallValBpcCsv())
                .post("/api/v1/datasets").then().statusCode(201).extract().path("id");
    }

    @Test
    void aPageOnAnotherOriginCannotDeleteADataSet() throws Exception {
        String id = upload("cross-site victim");
        URI advisor = URI.create(url("/"));
        String target = advisor.getScheme() + "://" + advisor.getHost() + ":" + advisor.getPort();
        // The attacker's page: same host name, another port (another origin; Chromium calls it "same-site").
        String attack = "<!doctype html><html><body><h1>Free GPUs</h1>"
                + "<form id='f' method='post' action='" + target + "/datasets/" + id + "/delete'></form>"
                + "<form id='g' method='post' enctype='text/plain' action='" + target + "/api/v1/datasets/" + id
                + "'><input name='x' value='y'></form>"
                + "<script>"
                + "const results = [];"
                + "async function attack() {"
                + "  for (const [url, init] of ["
                + "    ['" + target + "/datasets/" + id + "/delete', {method: 'POST', mode: 'no-cors'}],"
                + "    ['" + target + "/api/v1/datasets/" + id + "', {method: 'DELETE'}],"
                + "    ['" + target + "/api/v1/datasets/" + id + "', {method: 'DELETE', mode: 'no-cors'}]]) {"
                + "    try { const r = await fetch(url, init); results.push(init.method + ' ' + r.type); }"
                + "    catch (e) { results.push(init.method + ' refused by the browser'); }"
                + "  }"
                + "  document.title = 'fetched: ' + results.join('; ');"
                + "}"
                + "</script></body></html>";
        List<String> served = new CopyOnWriteArrayList<>();
        HttpServer evil = HttpServer.create(new InetSocketAddress(advisor.getHost(), 0), 0);
        evil.createContext("/", exchange -> {
            served.add(exchange.getRequestURI().toString());
            byte[] body = attack.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        evil.start();
        try (Chromium.WatchedPage w = chromium.newPage()) {
            String evilUrl = "http://" + advisor.getHost() + ":" + evil.getAddress().getPort() + "/";
            w.page.navigate(evilUrl);
            assertEquals("/", served.get(0), "the attacker's page came from the second server");
            w.page.evaluate("() => attack()");
            assertTrue(String.valueOf(w.page.title()).startsWith("fetched: "), w.page.title());
            given().get("/api/v1/datasets/" + id).then().statusCode(200);
            // The bodyless form post: the browser navigates to the advisor's refusal.
            w.page.evaluate("() => document.getElementById('f').submit()");
            w.page.waitForURL(target + "/datasets/" + id + "/delete");
            assertTrue(w.page.locator("body").innerText().contains("Cross-site request refused"),
                    w.page.locator("body").innerText());
            given().get("/api/v1/datasets/" + id).then().statusCode(200);
            // A text/plain form post to the API from the attacker's page: refused too.
            w.page.navigate(evilUrl);
            w.page.evaluate("() => document.getElementById('g').submit()");
            w.page.waitForURL(target + "/api/v1/datasets/" + id);
            assertTrue(w.page.locator("body").innerText().contains("cross-site-request"),
                    w.page.locator("body").innerText());
            w.screenshot("cross-site-refused.png");
        } finally {
            evil.stop(0);
        }
        // After every attempt the data set and its runs are all there.
        given().get("/api/v1/datasets/" + id).then().statusCode(200)
                .body("runCount", org.hamcrest.Matchers.equalTo(TestRunFiles.SMALL_VAL_BPC.size()));
    }

    @Test
    void theAdvisorsOwnConfirmationPageDeletesTheDataSetAndNamesItsFits() throws IOException {
        String id = upload("deleted by confirmation");
        String fit = given().contentType("application/json")
                .body(java.util.Map.of("dataset", id, "metric", "val_bpc", "bootstrap", 0, "seed", 3))
                .post("/api/v1/fits").then().statusCode(201).extract().path("id");
        try (Chromium.WatchedPage w = chromium.newPage()) {
            w.page.navigate(url("/datasets/" + id));
            w.page.click("#delete");
            w.page.waitForURL(url("/datasets/" + id + "/delete"));
            assertTrue(w.page.locator("#consequences").innerText().contains("Fit #" + fit), "names the fit");
            w.screenshot("delete-confirmation.png");
            w.page.click("#confirm");
            w.page.waitForURL(url("/datasets"));
        }
        given().get("/api/v1/datasets/" + id).then().statusCode(404);
        given().get("/api/v1/fits/" + fit).then().statusCode(404);
    }
}
