package dev.moeadvisor.evidence;

import dev.moeadvisor.envelope.Evidence;
import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import dev.moeadvisor.law.family.KrajewskiLaw;
import dev.moeadvisor.law.family.LawFamilies;
import dev.moeadvisor.runs.BundledRuns;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The evidence report against hand-computed pairs and errors. */
class EvidenceReportTest {

    static final EvidenceSource ER = new EvidenceSource("equal-resources-2025", "[ER]", "arXiv 2506.12119",
            BundledRuns.equalResources2025());
    static final EvidenceSource LING = new EvidenceSource("ling-2025-table3", "Ling", "arXiv 2507.17702",
            BundledRuns.read(BundledRuns.LING_2025_TABLE3));
    static final EvidenceSource DEEPSEEK = new EvidenceSource("deepseekmoe-2024-table1", "DeepSeekMoE",
            "arXiv 2401.06066", BundledRuns.read(BundledRuns.DEEPSEEKMOE_2024_TABLE1));

    static List<GapPredictor> laws() {
        List<GapPredictor> out = new ArrayList<>();
        LawFamilies.PUBLISHED.forEach(f -> out.add(new LawGapPredictor(f)));
        return out;
    }

    @Test
    void pairsFollowEachSourcesDesign() {
        List<MoeDensePair> er = ER.pairs();
        // Table 10 (2.15B total, ~9.2e20 FLOPs) against er-t13-1 (2.15B dense, 9.36e20): equal resources
        MoeDensePair t10 = er.stream().filter(p -> p.moe().runId().equals("er-t10-3")).findFirst().orElseThrow();
        assertEquals("er-t13-1", t10.dense().runId());
        assertEquals(MoeDensePair.EQUAL_RESOURCES, t10.matchedOn());
        // Table 12 (6.52B, 2.86e21) and the reuse Table 14 against er-t13-5 (6.48B, 2.86e21)
        assertEquals("er-t13-5", er.stream().filter(p -> p.moe().runId().equals("er-t14-1")).findFirst().orElseThrow()
                .dense().runId());
        // er-t9-1 (1.92e20 FLOPs) matches no dense run's compute, but er-t13-2's 1.14e11 tokens
        MoeDensePair t9 = er.stream().filter(p -> p.moe().runId().equals("er-t9-1")).findFirst().orElseThrow();
        assertEquals("er-t13-2", t9.dense().runId());
        assertEquals(MoeDensePair.SAME_TOKENS, t9.matchedOn());
        // Tables 5–8 have no tokens: never paired; a run of Table 9 at 1.68e11 tokens and 2.83e20 FLOPs: no partner
        assertTrue(er.stream().noneMatch(p -> p.moe().table() < 9 || p.moe().runId().equals("er-t9-2")));
        assertTrue(er.stream().allMatch(p -> p.moe().metric().equals(p.dense().metric())));

        List<MoeDensePair> ling = LING.pairs();
        assertEquals(1, ling.size());
        assertEquals(0.0, ling.get(0).observedGap(), "matched loss: the tie is the data");
        List<MoeDensePair> ds = DEEPSEEK.pairs();
        assertEquals(List.of("ds-t1-2", "ds-t1-3", "ds-t1-4", "ds-t1-5"), ds.stream().map(p -> p.moe().runId()).toList());
        assertTrue(ds.stream().allMatch(p -> p.dense().runId().equals("ds-t1-1")));
    }

    /**
     * DeepSeekMoE (ds-t1-5) against its dense run (ds-t1-1) under Krajewski's law, written out by hand. The MoE:
     * 9 layers, d_model 1280, 10 heads of 128, 63 routed + 1 shared expert of width 853: per layer attention
     * 4·1280² = 6,553,600 and experts 3·1280·(63·853 + 853) + 1280·63 = 209,713,920, so N_total = 9 × 216,267,520
     * = 1,946,407,680 (printed: 2.0B); G = 4·1280/853. The dense run: d_ffn 3413, N = 9·(6,553,600 + 3·1280·3413)
     * = 176,935,680 (printed 0.2B). Both on D = 1e11 tokens. Table 1 of arXiv 2402.07871:
     * L_moe = 0.47 + (18.1 + 2.1/G^0.58)/N^0.115 + 30.8/D^0.147 = 2.8242,
     * L_dense = 0.47 + 16.3/N^0.126 + 26.7/D^0.127 = 3.0295; predicted gap −6.78%, observed 1.808/2.060 − 1 =
     * −12.23% (arXiv 2401.06066 Table 1): error +5.45 points.
     */
    @Test
    void oneErrorByHand() {
        double n = 9 * (4.0 * 1280 * 1280 + 3.0 * 1280 * (63 * 853 + 853) + 1280 * 63);
        double nDense = 9 * (4.0 * 1280 * 1280 + 3.0 * 1280 * 3413);
        double d = 1e11;
        double g = 4.0 * 1280 / 853;
        double moe = 0.47 + (18.1 + 2.1 / Math.pow(g, 0.58)) / Math.pow(n, 0.115) + 30.8 / Math.pow(d, 0.147);
        double dense = 0.47 + 16.3 / Math.pow(nDense, 0.126) + 26.7 / Math.pow(d, 0.127);
        double expected = (moe / dense - 1) - (1.808 / 2.060 - 1);
        assertEquals(0.0545, expected, 5e-4);

        EvidenceReport report = EvidenceReport.of(List.of(DEEPSEEK), laws());
        EvidenceReport.Cell cell = report.row("ds-t1-5").predictions().stream()
                .filter(c -> c.predictor().equals(KrajewskiLaw.PUBLISHED.id())).findFirst().orElseThrow();
        assertEquals(moe, cell.moeLoss(), 1e-9);
        assertEquals(dense, cell.denseLoss(), 1e-9);
        assertEquals(expected, cell.error(), 1e-9);
        assertEquals(Fitted.HELD_OUT, cell.fitted());
        // E = 64/8 = 8 is outside Krajewski's E = 64
        assertFalse(cell.inRange());
        // in the law's own words, not the API's axis key
        assertTrue(cell.outside().contains("expansion rate E 8.0× below the fitted range (64 only)"), cell.outside());
    }

    @Test
    void summariesAreTheRootMeanSquareOfTheRowsAndMarkWhatWasFitted() {
        MoeLossModel ling = new MoeLossModel(DenseLossLaw.CHINCHILLA, EfficiencyLeverageLaw.LING_2025);
        // a predictor "fitted" on the Ling pair and on the dense run of Table 13 (not on the MoE runs)
        GapPredictor fit = new FitGapPredictor("test", "test", "nats", ling, Evidence.LING_2025,
                Set.of("ling-t3-1", "ling-t3-2", "er-t13-1"));
        EvidenceReport report = EvidenceReport.of(List.of(ER, LING), List.of(fit));
        EvidenceReport.Summary lingSummary = report.summary("ling-2025-table3", "test");
        assertEquals(1, lingSummary.fitted());
        assertEquals(0, lingSummary.heldOut());
        assertNull(lingSummary.heldOutRmse());
        EvidenceReport.Cell pair = report.row("ling-t3-1").predictions().get(0);
        assertEquals(Math.abs(pair.error()), lingSummary.rmse(), 1e-15);
        // The Ling law says Ling-mini-beta beats the 6.1B dense model on the same tokens (EL ≈ 7 > 6.11/0.85 would tie)
        assertTrue(pair.predictedGap() < 0.02 && pair.predictedGap() > -0.05, "gap " + pair.predictedGap());

        EvidenceReport.Summary er = report.summary("equal-resources-2025", "test");
        List<EvidenceReport.Row> erRows = report.rows().stream().filter(r -> r.source().equals("equal-resources-2025"))
                .toList();
        assertEquals(erRows.size(), er.pairs());
        double ss = erRows.stream().mapToDouble(r -> r.predictions().get(0).error() * r.predictions().get(0).error())
                .sum();
        assertEquals(Math.sqrt(ss / erRows.size()), er.rmse(), 1e-15);
        long partly = erRows.stream().filter(r -> r.denseRun().equals("er-t13-1")).count();
        assertEquals(partly, erRows.stream().filter(r -> r.predictions().get(0).fitted() == Fitted.PARTLY).count());
        assertEquals(erRows.size() - partly, er.heldOut());
        for (EvidenceReport.Row r : erRows) {
            assertEquals(r.moeValue() / r.denseValue() - 1, r.observedGap(), 1e-15);
            EvidenceReport.Cell c = r.predictions().get(0);
            assertEquals(c.moeLoss() / c.denseLoss() - 1 - r.observedGap(), c.error(), 1e-15);
        }
    }
}
