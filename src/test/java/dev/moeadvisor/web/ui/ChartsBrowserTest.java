package dev.moeadvisor.web.ui;

import com.microsoft.playwright.Page;
import dev.moeadvisor.web.api.DefaultFit;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the charts show, read from the drawn ECharts options in a real browser ({@link Chromium}): log axes that start
 * and end on whole powers of their base (no odd first tick such as 0.00195), the recommendation's label clear of the
 * axis, the fitted-range band only where the curve is in range on every axis (a curve extrapolated in C is all
 * dashed and says so), the EL-against-compute chart of a plan with the model's evidence as its band, and the fit
 * page's EL chart with the fitted law's range of A shaded.
 */
@QuarkusTest
class ChartsBrowserTest extends BrowserTest {

    /** Every log axis of a chart: {base, min, max}. */
    private static final String LOG_AXES = "sel => echarts.getInstanceByDom(document.querySelector(sel)).getOption()"
            + ".xAxis.filter(a => a.type === 'log').map(a => [a.logBase, a.min, a.max])";

    private static Object option(Page page, String selector, String path) {
        return page.evaluate("([sel, path]) => { const o = echarts.getInstanceByDom(document.querySelector(sel))"
                + ".getOption(); return path.split('.').reduce((v, k) => v == null ? v : v[k], o); }",
                List.of(selector, path));
    }

    private static void assertWholePowers(Page page, String selector) {
        @SuppressWarnings("unchecked")
        List<List<Number>> axes = (List<List<Number>>) page.evaluate(LOG_AXES, selector);
        assertTrue(!axes.isEmpty(), selector + " has a log axis");
        for (List<Number> a : axes) {
            double base = a.get(0).doubleValue();
            for (Number end : a.subList(1, 3)) {
                double k = Math.log(end.doubleValue()) / Math.log(base);
                assertEquals(Math.rint(k), k, 1e-9, selector + ": axis end " + end + " is not a power of " + base);
            }
        }
    }

    @Test
    void planChartsHaveNiceTicksAClearLabelAndBandsOnlyWhereInRange() {
        try (Chromium.WatchedPage w = chromium.newPage(1400, 1000)) {
            Page page = w.page;
            page.navigate(url("/plan"));
            page.selectOption("#f-model", "ling-2025");
            page.fill("#f-computeFlops", "1e22");   // 17× above Ling's fitted compute (1e18–6e20, arXiv 2507.17702 §5)
            page.click("#plan");
            page.waitForURL(Pattern.compile(".*/plans/\\d+$"));
            for (String chart : List.of("#chart-loss", "#chart-granularity", "#chart-compute")) {
                w.assertChartDrawn(chart);
                assertWholePowers(page, chart);
                assertWholeSteps(page, chart, "yAxis.0");
            }

            // The recommendation's label sits above its point, which keeps clear of the x axis and its tick labels.
            assertEquals("top", option(page, "#chart-loss", "series.2.label.position"));
            @SuppressWarnings("unchecked")
            Map<String, Number> rec = (Map<String, Number>) page.evaluate("() => { const c = echarts.getInstanceByDom("
                    + "document.querySelector('#chart-loss')); const v = c.getOption().series[2].data[0].value;"
                    + " const grid = c.getModel().getComponent('grid').coordinateSystem.getRect();"
                    + " return { y: c.convertToPixel({ seriesIndex: 2 }, v)[1], bottom: grid.y + grid.height,"
                    + " top: grid.y }; }");
            double labelBottom = rec.get("y").doubleValue() - 8 - 15 / 2.0;
            assertTrue(labelBottom > rec.get("top").doubleValue() - 20, "label inside the chart: " + rec);
            assertTrue(rec.get("y").doubleValue() + 15 / 2.0 < rec.get("bottom").doubleValue() - 10,
                    "the recommended point and its label keep clear of the x axis: " + rec);

            // EL over G is drawn at C = 1e22, outside the law's fitted compute: no band, no solid part, and it says so.
            List<?> gBand = (List<?>) option(page, "#chart-granularity", "series.0.markArea.data");
            assertTrue(gBand.isEmpty(), "a curve extrapolated in C shows no in-range band: " + gBand);
            assertEquals("dashed", option(page, "#chart-granularity", "series.0.lineStyle.type"));
            assertTrue(((List<?>) option(page, "#chart-granularity", "series.1.data")).isEmpty());
            assertTrue(((String) option(page, "#chart-granularity", "title.0.subtext"))
                    .contains("C = 1e22 FLOPs outside the fitted 1e18–6e20"));

            // EL against compute: the band is the evidence's compute (Ling's 1e18–6e20), solid only inside it.
            @SuppressWarnings("unchecked")
            List<List<Map<String, Object>>> cBand = (List<List<Map<String, Object>>>) option(page, "#chart-compute",
                    "series.0.markArea.data");
            assertEquals(1, cBand.size(), "one band: " + cBand);
            assertEquals("model's evidence", cBand.get(0).get(0).get("name"));
            assertEquals(1e18, ((Number) cBand.get(0).get(0).get("xAxis")).doubleValue(), 1e6);
            assertEquals(6e20, ((Number) cBand.get(0).get(1).get("xAxis")).doubleValue(), 1e8);
            @SuppressWarnings("unchecked")
            List<List<Number>> solid = (List<List<Number>>) option(page, "#chart-compute", "series.1.data");
            assertTrue(!solid.isEmpty(), "part of the compute curve lies in the evidence");
            solid.forEach(p -> assertTrue(p.get(0).doubleValue() >= 1e18 && p.get(0).doubleValue() <= 6e20, p.toString()));
            @SuppressWarnings("unchecked")
            List<Number> point = (List<Number>) option(page, "#chart-compute", "series.2.data.0");
            assertEquals(1e22, point.get(0).doubleValue(), 1e10, "the plan's compute is marked");
            assertThat(page.locator("#chart-compute-note")).containsText("evidence");
            assertTrue(w.scriptErrors.isEmpty(), "script errors: " + w.scriptErrors);
            w.screenshot("plan-charts.png");
        }
    }

    @Test
    void theFitPagesElChartShadesTheFittedRangeOfA() throws Exception {
        String id = DefaultFit.awaitId();
        try (Chromium.WatchedPage w = chromium.newPage(1400, 1000)) {
            Page page = w.page;
            page.navigate(url("/fits/" + id));
            for (String chart : List.of("#chart-residuals", "#chart-el")) {
                w.assertChartDrawn(chart);
                assertWholePowers(page, chart);
                assertWholeSteps(page, chart, "yAxis.0");
            }
            @SuppressWarnings("unchecked")
            List<List<Map<String, Object>>> band = (List<List<Map<String, Object>>>) option(page, "#chart-el",
                    "series.0.markArea.data");
            assertEquals(1, band.size(), "the fitted range is shaded: " + band);
            // the band spans the A of the fit's MoE runs, no wider
            double lo = ((Number) band.get(0).get(0).get("xAxis")).doubleValue();
            double hi = ((Number) band.get(0).get(1).get("xAxis")).doubleValue();
            assertTrue(lo > 0 && lo < hi && hi <= 1, lo + "–" + hi);
            // parity axes start and end on whole steps, not on the lowest loss
            assertWholeSteps(page, "#chart-parity", "xAxis.0");
            assertWholeSteps(page, "#chart-parity", "yAxis.0");
            assertTrue(w.scriptErrors.isEmpty(), "script errors: " + w.scriptErrors);
            w.screenshot("fit-charts.png");
        }
    }

    private static void assertWholeSteps(Page page, String selector, String axis) {
        Object min = option(page, selector, axis + ".min");
        Object max = option(page, selector, axis + ".max");
        assertTrue(min instanceof Number && max instanceof Number, selector + " " + axis + " has set ends: " + min + ", " + max);
        assertTrue(onWholeSteps(((Number) min).doubleValue(), ((Number) max).doubleValue()),
                selector + " " + axis + " runs from " + min + " to " + max + ", not whole steps");
    }

    /**
     * Both ends are multiples of one step of 1, 2 or 5 × 10ⁿ that is at least a tenth of the span: the ends are ticks
     * of a nice axis, not data values such as the lowest observed loss.
     */
    private static boolean onWholeSteps(double lo, double hi) {
        double span = hi - lo;
        for (int n = -6; n <= 6; n++) {
            for (double m : new double[] {1, 2, 5}) {
                double step = m * Math.pow(10, n);
                if (step < span / 10 || step > span) {
                    continue;
                }
                if (Math.abs(lo / step - Math.rint(lo / step)) < 1e-6 && Math.abs(hi / step - Math.rint(hi / step)) < 1e-6) {
                    return true;
                }
            }
        }
        return false;
    }
}
