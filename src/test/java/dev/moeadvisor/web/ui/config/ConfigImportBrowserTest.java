package dev.moeadvisor.web.ui.config;

import dev.moeadvisor.web.ui.BrowserTest;
import dev.moeadvisor.web.ui.Chromium;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pasting a config.json on /evaluate shows its counts; a plan's page downloads its config.json. */
@QuarkusTest
class ConfigImportBrowserTest extends BrowserTest {

    private Chromium.WatchedPage watched;
    private Page page;

    @BeforeEach
    void openPage() {
        watched = chromium.newPage();
        page = watched.page;
    }

    @AfterEach
    void closePage() {
        watched.close();
    }

    static String moonlight() throws Exception {
        try (InputStream in = ConfigImportBrowserTest.class.getClassLoader()
                .getResourceAsStream("hf-configs/moonlight-16b-a3b.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void pasteAConfigOnEvaluateAndSeeTheCounts() throws Exception {
        page.navigate(url("/evaluate"));
        page.fill("#f-config", moonlight());
        page.click("#config-submit");
        // Moonlight-16B-A3B, non-embedding 15,288,893,440 total, 2,243,559,424 active; embeddings 2·163840·2048:
        // with both 15.96B ("16B"), active with the output head only 2,579,103,744 ("2.58B"). Card: 16B / 3B.
        assertThat(page.locator("#total-with-embeddings")).hasText("16B");
        assertThat(page.locator("#active-with-unembedding")).hasText("2.58B");
        assertThat(page.locator("#megatron-args")).containsText("--multi-latent-attention");
        assertTrue(watched.scriptErrors.isEmpty(), watched.scriptErrors.toString());

        page.fill("#f-config", "{\"model_type\": \"rwkv\"}");
        page.click("#config-submit");
        assertThat(page.locator("#config-error")).containsText("rwkv");
    }

    @Test
    void aPlanDownloadsItsConfigJson() throws Exception {
        int id = given().contentType(ContentType.JSON).body(Map.of("computeFlops", 1e21, "model", "ling-2025"))
                .post("/api/v1/plan").then().statusCode(201).extract().path("id");
        page.navigate(url("/plans/" + id));
        Download download = page.waitForDownload(() -> page.click("#download-config-0"));
        JsonNode config = new ObjectMapper().readTree(Files.readString(download.path()));
        JsonNode plan = new ObjectMapper().readTree(given().get("/api/v1/plans/" + id).asString());
        assertEquals(plan.at("/recommended/shape/layers").asInt(), config.get("num_hidden_layers").asInt());
        assertEquals(plan.at("/recommended/shape/dModel").asInt(), config.get("hidden_size").asInt());
    }
}
