package dev.moeadvisor.web.ui.fits;

import dev.moeadvisor.web.ui.BrowserTest;
import dev.moeadvisor.web.ui.Chromium;
import dev.moeadvisor.web.ui.TestRunFiles;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.BoundingBox;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Upload runs, open the data set, fit it and see the fit's page, in a real browser ({@link Chromium}). */
@QuarkusTest
class FitPagesBrowserTest extends BrowserTest {

    private Chromium.WatchedPage recording;
    private Page page;

    @BeforeEach
    void openPage() {
        recording = chromium.newPage();
        page = recording.page;
    }

    @AfterEach
    void closePage() {
        page.close();
    }

    private static Path write(String name, String content) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "browser-uploads"));
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void uploadRunsFitThemAndSeeTheFit() throws IOException {
        Path csv = write("small-sweep.csv", TestRunFiles.smallValBpcCsv());
        page.navigate(url("/datasets"));
        assertThat(page.locator("#dataset-equal-resources-2025")).containsText("read-only");
        page.fill("#f-name", "Small 2B/7B sweep");
        page.fill("#f-description", "14 validation-BPC runs copied from arXiv 2506.12119, Tables 9, 12, 13");
        page.setInputFiles("#f-file", csv);
        recording.screenshot("datasets.png");
        page.click("#upload-submit");
        page.waitForURL(Pattern.compile(".*/datasets/small-2b-7b-sweep.*"));
        assertThat(page.locator("h1")).containsText("Small 2B/7B sweep");
        assertThat(page.locator("#run-count")).hasText("14");

        // Sorting by value (ascending, then descending) reorders the rows in the browser.
        Locator firstRunId = page.locator("#runs-table tbody tr").first().locator("td").first();
        page.click("#runs-table th:has-text('Value')");
        assertThat(firstRunId).hasText("er-t12-5"); // 0.4543, the lowest BPC
        page.click("#runs-table th:has-text('Value')");
        assertThat(firstRunId).hasText("er-t9-1"); // 0.5235, the highest
        recording.screenshot("dataset.png");

        page.fill("#f-bootstrap", "20");
        Response response = page.waitForResponse(r -> r.url().endsWith("/fits") && "POST".equals(r.request().method()),
                () -> page.click("#start-fit"));
        assertEquals(303, response.status());
        // The form answers at once with the fit's progress page, which refreshes itself until the fit is done; the
        // progress it shows never moves backwards.
        page.waitForURL(Pattern.compile(".*/fits/\\d+$"));
        assertThat(page.locator("#fit-running")).isVisible();
        assertThat(page.locator("meta[http-equiv=refresh]")).hasCount(1);
        List<Double> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runnable record = () -> {
            Locator bar = page.locator("#fit-progress");
            if (bar.count() > 0) {
                seen.add(Double.parseDouble(bar.getAttribute("aria-valuenow")));
            }
        };
        record.run();
        page.onLoad(p -> record.run());
        page.locator("#coefficients").waitFor(new Locator.WaitForOptions().setTimeout(300_000));
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "progress moved backwards: " + seen);
        }
        assertThat(page.locator("#fit-running")).hasCount(0);
        assertThat(page.locator("meta[http-equiv=refresh]")).hasCount(0);
        assertThat(page.locator("#coefficients")).containsText("α");
        assertThat(page.locator("#coef-gamma")).containsText("pinned");
        assertThat(page.locator("#coef-aMax")).containsText("5.28e16");
        assertThat(page.locator("#bootstrap")).containsText("of 20 converged");
        assertThat(page.locator("#fit-dataset")).hasText("small-2b-7b-sweep");
        for (String chart : List.of("#chart-parity", "#chart-residuals", "#chart-el")) {
            Locator canvas = page.locator(chart + " canvas").first();
            assertThat(canvas).isVisible();
            BoundingBox box = canvas.boundingBox();
            assertTrue(box.width > 100 && box.height > 100, chart + " canvas is " + box.width + "×" + box.height);
        }
        assertTrue(recording.consoleErrors.isEmpty(), "console errors: " + recording.consoleErrors);
        assertTrue(recording.scriptErrors.isEmpty(), "script errors: " + recording.scriptErrors);
        recording.screenshot("fit.png");

        page.navigate(url("/fits"));
        assertThat(page.locator("#fit-list")).containsText("small-2b-7b-sweep");
        recording.screenshot("fits.png");
    }

    @Test
    void aBadUploadShowsEveryProblemAndKeepsTheName() throws IOException {
        Path csv = write("broken.csv", TestRunFiles.smallValBpcCsv().replace(",val_bpc,0.5235,", ",val_bpc,lots,"));
        page.navigate(url("/datasets"));
        page.fill("#f-name", "Broken <sweep>");
        page.setInputFiles("#f-file", csv);
        Response response = page.waitForResponse(r -> r.url().endsWith("/datasets") && "POST".equals(r.request().method()),
                () -> page.click("#upload-submit"));
        assertEquals(400, response.status());
        assertThat(page.locator("#upload-problems")).containsText("value");
        assertThat(page.locator("#f-name")).hasValue("Broken <sweep>");
        assertTrue(recording.scriptErrors.isEmpty(), "script errors: " + recording.scriptErrors);
        recording.screenshot("datasets-error.png");
    }
}
