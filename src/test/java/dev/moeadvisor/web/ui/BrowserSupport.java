package dev.moeadvisor.web.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A headless Chromium for the page tests, one per test class. Chromium is taken from the system property or
 * environment variable {@code CHROMIUM_PATH} (default {@code /usr/bin/chromium}); Playwright is told not to
 * download a browser. Each {@link #newPage()} records console errors, failed responses and script errors.
 */
final class BrowserSupport implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;

    /** A page with what went wrong on it. */
    record RecordingPage(Page page, List<String> consoleErrors, List<String> scriptErrors) {
        void screenshot(String name) {
            try {
                Files.createDirectories(SCREENSHOTS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
        }

        void clearErrors() {
            consoleErrors.clear();
            scriptErrors.clear();
        }
    }

    BrowserSupport() {
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

    RecordingPage newPage() {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
        List<String> consoleErrors = new ArrayList<>();
        List<String> scriptErrors = new ArrayList<>();
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
        return new RecordingPage(page, consoleErrors, scriptErrors);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
