package dev.moeadvisor.web.ui;

import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.net.URL;

/**
 * What every real-browser page test shares: one headless {@link Chromium} per test class, launched before its
 * tests and closed after them, and the URL of a page of the running advisor.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    @TestHTTPResource("/")
    protected URL root;

    protected Chromium chromium;

    @BeforeAll
    void launchChromium() {
        chromium = new Chromium();
    }

    @AfterAll
    void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** The absolute URL of {@code path} on the advisor under test. */
    protected String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }
}
