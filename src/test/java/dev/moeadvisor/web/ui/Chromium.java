package dev.moeadvisor.web.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.BoundingBox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A headless Chromium for the browser tests. The executable comes from the system property or environment variable
 * {@code CHROMIUM_PATH} (default {@code /usr/bin/chromium}); Playwright is told not to download a browser. Each
 * {@link #newPage()} records script errors, console errors and HTTP error answers. Open one per test class, close it
 * after all.
 */
public final class Chromium implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;

    public Chromium() {
        String chromium = System.getProperty("CHROMIUM_PATH",
                System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        assertTrue(Files.isExecutable(Path.of(chromium)),
                "no Chromium at " + chromium + ": install it (apt-get install -y chromium) or set CHROMIUM_PATH");
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(chromium))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    /** A page of 1280×900 with its error records. */
    public WatchedPage newPage() {
        return newPage(1280, 900);
    }

    /** A page of {@code width}×{@code height} CSS pixels (390×844: a phone) with its error records. */
    public WatchedPage newPage(int width, int height) {
        return new WatchedPage(browser.newPage(new Browser.NewPageOptions().setViewportSize(width, height)));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    /** A page and what went wrong on it. */
    public static final class WatchedPage implements AutoCloseable {
        public final Page page;
        /** Console errors and HTTP answers of 400 or more. */
        public final List<String> consoleErrors = new ArrayList<>();
        /** Uncaught script errors. */
        public final List<String> scriptErrors = new ArrayList<>();

        WatchedPage(Page page) {
            this.page = page;
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    consoleErrors.add(m.text());
                }
            });
            page.onPageError(scriptErrors::add);
            page.onResponse(r -> {
                if (r.status() >= 400) {
                    consoleErrors.add(r.status() + " " + r.url());
                }
            });
        }

        /** A full-page screenshot under {@link #SCREENSHOTS}. */
        public void screenshot(String name) {
            try {
                Files.createDirectories(SCREENSHOTS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
        }

        /** Asserts that the chart in {@code selector} drew a canvas of a visible size. */
        public void assertChartDrawn(String selector) {
            Locator canvas = page.locator(selector + " canvas").first();
            canvas.waitFor();
            BoundingBox box = canvas.boundingBox();
            assertTrue(box != null && box.width > 100 && box.height > 100,
                    selector + " canvas is " + (box == null ? "absent" : box.width + "×" + box.height));
        }

        @Override
        public void close() {
            page.close();
        }
    }
}
