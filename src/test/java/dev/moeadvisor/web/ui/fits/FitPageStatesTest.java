package dev.moeadvisor.web.ui.fits;

import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import dev.moeadvisor.service.FitRequest;
import dev.moeadvisor.service.FitView;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A fit's page while it runs, after it failed or was cancelled (states a quick test cannot reach through the service). */
@QuarkusTest
class FitPageStatesTest {

    private static final MoeLossModel PUBLISHED = new MoeLossModel(DenseLossLaw.CHINCHILLA,
            EfficiencyLeverageLaw.LING_2025);
    private static final FitRequest REQUEST = new FitRequest("my-set", "val_bpc",
            new FitRequest.RunFilter(List.of(9), null, null), Map.of(), 1L, 50);
    private static final OffsetDateTime WHEN = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);

    private static String render(FitView v) {
        return FitsPageResource.Templates.fit(FitPage.of(v, PUBLISHED, null)).render();
    }

    @Test
    void aRunningFitShowsItsProgressAndRefreshes() {
        String html = render(new FitView(42, REQUEST, false, "RUNNING", 0.375, null, WHEN, null, null, List.of()));
        assertTrue(html.contains("<meta http-equiv=\"refresh\" content=\"2\">"), html);
        assertTrue(html.contains("role=\"progressbar\""), html);
        assertTrue(html.contains("style=\"width: 37.5%\""), html);
        assertTrue(html.contains("37.5% done"), html);
        assertFalse(html.contains("id=\"coefficients\""), html);
        assertFalse(html.contains("echarts"), html);
        // A running fit other than the default offers Cancel, which first asks to confirm.
        assertTrue(html.contains("href=\"/fits/42/cancel\""), html);
        String defaultFit = render(new FitView(44, REQUEST, true, "RUNNING", 0.5, null, WHEN, null, null, List.of()));
        assertFalse(defaultFit.contains("/cancel"), "the default fit cannot be cancelled");
    }

    @Test
    void aCancelledFitSaysSoAndDoesNotRefresh() {
        String html = render(new FitView(45, REQUEST, false, "CANCELLED", 1, "cancelled on request, during the "
                + "bootstrap phase", WHEN, WHEN, null, List.of()));
        assertTrue(html.contains("id=\"fit-cancelled\""), html);
        assertTrue(html.contains("during the bootstrap phase"), html);
        assertFalse(html.contains("http-equiv=\"refresh\""), html);
        assertFalse(html.contains("id=\"fit-failed\""), html);
        assertFalse(html.contains("/cancel\""), html);
    }

    @Test
    void aFailedFitShowsWhyAndDoesNotRefresh() {
        String html = render(new FitView(43, REQUEST, false, "FAILED", 1, "no start converged <in 24>", WHEN, WHEN,
                null, List.of()));
        assertTrue(html.contains("id=\"fit-failed\""), html);
        assertTrue(html.contains("no start converged &lt;in 24&gt;"), html);
        assertFalse(html.contains("http-equiv=\"refresh\""), html);
        assertFalse(html.contains("id=\"coefficients\""), html);
    }
}
