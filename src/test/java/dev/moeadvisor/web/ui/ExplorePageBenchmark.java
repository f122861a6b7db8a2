package dev.moeadvisor.web.ui;

import com.microsoft.playwright.Page;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The explorer page's own timing of its updates, in a real browser against a running advisor (not a test): moves the
 * compute slider through {@code n} positions between 1e20 and 1e24, one at a time, waiting for each update, and
 * prints the p50 and p90 of the footer's "updated in N ms" (input event to charts redrawn) and of the server's
 * {@code computeMillis}.
 *
 * <pre>  java -cp ... dev.moeadvisor.web.ui.ExplorePageBenchmark http://localhost:8080 40 [model]</pre>
 */
public final class ExplorePageBenchmark {

    private ExplorePageBenchmark() {
    }

    public static void main(String[] args) {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        String model = args.length > 2 ? args[2] : "default";
        try (Chromium chromium = new Chromium()) {
            Chromium.WatchedPage watched = chromium.newPage();
            Page page = watched.page;
            page.navigate(base + "/explore");
            page.selectOption("#f-model", model);
            await(page, 1);
            List<Double> total = new ArrayList<>();
            List<Double> server = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int before = updates(page);
                // positions 20.0, 20.1, … (log10 C), every one a new budget; a pause longer than the debounce between
                // moves, so each update starts at its own input (the leading edge)
                double log10 = 20 + (i * 0.1) % 4;
                page.waitForTimeout(200);
                page.evaluate("v => { const s = document.getElementById('f-compute'); s.value = String(v);"
                        + " s.dispatchEvent(new Event('input', { bubbles: true })); }", log10);
                await(page, before + 1);
                total.add(Double.parseDouble(page.locator("#explore-timing").getAttribute("data-total-ms")));
                server.add(Double.parseDouble(page.locator("#explore-timing").getAttribute("data-server-ms")));
            }
            System.out.printf("explore page, %d updates (%s): input to charts redrawn p50 %.1f ms, p90 %.1f ms;"
                    + " server computeMillis p50 %.1f ms, p90 %.1f ms%n", n, model, pct(total, 50), pct(total, 90),
                    pct(server, 50), pct(server, 90));
            System.out.println("script errors: " + watched.scriptErrors);
        }
    }

    private static int updates(Page page) {
        String u = page.locator("#explore-timing").getAttribute("data-updates");
        return u == null ? 0 : Integer.parseInt(u);
    }

    private static void await(Page page, int n) {
        page.waitForFunction("n => Number(document.getElementById('explore-timing').dataset.updates || 0) >= n", n);
    }

    private static double pct(List<Double> xs, int p) {
        double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }
}
