package dev.moeadvisor.plan;

import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The explorer's views are the brute-force search's answers ({@link BruteForceSearch}, the search as it was before
 * it was made fast): the per-(E, k) bests, each granularity band's best (the brute force run with the band as its
 * granularity bounds and filtered by E and k, so the expert-parallel trick that holds E is checked too), the best
 * shape under fixes and the dense baseline.
 */
class IsoFlopExplorerTest {

    static final MoeLossModel LING = new MoeLossModel(DenseLossLaw.CHINCHILLA, EfficiencyLeverageLaw.LING_2025);

    static final PlanRequest SMALL = PlanRequest.builder(1e20, PlanRequest.AMPLE).build();
    static final PlanRequest BOUND = PlanRequest.builder(3e21, 3e10).maxTotalParams(2e10).build();

    @Test
    void withoutFixesTheViewsAreTheBruteForcesBucketsBandsAndBest() {
        for (PlanRequest r : List.of(SMALL, BOUND)) {
            IsoFlopExplorer.Result x = new IsoFlopExplorer(LING).explore(r, IsoFlopExplorer.Fixes.NONE, SearchLimits.NONE);
            ShapeSearch.Outcome brute = new BruteForceSearch(new SearchSpace(r), LING).moe();
            assertEquals(brute.ranked(), x.byActivation());
            assertEquals(brute.best(), x.best());
            assertEquals(new BruteForceSearch(new SearchSpace(r), LING).dense(r.computeFlops()).best(), x.dense());
            double minBand = Double.POSITIVE_INFINITY;
            for (IsoFlopExplorer.Band b : x.byGranularity()) {
                assertEquals(bruteBest(r, b, null, null), b.best(), "band " + b.granularity());
                b.best().ifPresent(c -> assertTrue(c.granularity() >= b.min() && c.granularity() <= b.max()));
                minBand = Math.min(minBand, b.best().map(Candidate::loss).orElse(Double.POSITIVE_INFINITY));
            }
            // the bands cover the granularity bounds: the best band is the best shape
            assertEquals(x.best().orElseThrow().loss(), minBand, 0.0);
        }
    }

    @Test
    void fixedExpertsTopKAndGranularityHoldTheBestAndTheBands() {
        IsoFlopExplorer.Fixes fixes = new IsoFlopExplorer.Fixes(64, 4, 8.0);
        IsoFlopExplorer.Result x = new IsoFlopExplorer(LING).explore(SMALL, fixes, SearchLimits.NONE);
        double[] band = IsoFlopExplorer.band(SMALL, 8.0);
        assertEquals(Math.pow(2, 2.75), band[0], 1e-12);
        assertEquals(Math.pow(2, 3.25), band[1], 1e-12);
        PlanRequest g8 = withBand(SMALL, band);
        Candidate best = x.best().orElseThrow();
        assertEquals(64, best.shape().experts());
        assertEquals(4, best.shape().topK());
        assertEquals(bruteBest(SMALL, new IsoFlopExplorer.Band(8, band[0], band[1], Optional.empty()), 64, 4),
                x.best());
        // loss against A: every (E, k) at G ≈ 8, the brute force's ranking
        assertEquals(new BruteForceSearch(new SearchSpace(g8), LING).moe().ranked(), x.byActivation());
        // loss against G: E = 64, k = 4 in every band
        for (IsoFlopExplorer.Band b : x.byGranularity()) {
            assertEquals(bruteBest(SMALL, b, 64, 4), b.best(), "band " + b.granularity());
        }
        assertEquals(7, x.byGranularity().size());
        assertEquals(8.0, x.byGranularity().get(4).granularity(), 1e-12);
        assertEquals(x.byGranularity().get(4).best(), x.best());
    }

    @Test
    void bandsCoverTheBoundsInHalfOctaves() {
        List<double[]> bands = IsoFlopExplorer.granularityBands(SMALL);
        double[] centres = bands.stream().mapToDouble(b -> b[2]).toArray();
        assertEquals(List.of(2.0, Math.sqrt(8), 4.0, Math.sqrt(32), 8.0, Math.sqrt(128), 16.0),
                java.util.Arrays.stream(centres).boxed().toList());
        assertEquals(2.0, bands.get(0)[0], 0.0);
        assertEquals(16.0, bands.get(6)[1], 0.0);
        for (int i = 1; i < bands.size(); i++) {
            assertEquals(bands.get(i - 1)[1], bands.get(i)[0], 1e-12);
        }
        // widened without end: bands only where a grid point can lie, G = 2·d_model/d_expert ≥ 2·512/2^20 = 2^−10, so
        // from 2^−10 to 1024 in half octaves (41), the first reaching down to the bound
        PlanRequest wide = SMALL.toBuilder().bounds(new EvidenceBounds(1.0 / 128, 1e-300, 1024, 48, 128)).build();
        List<double[]> many = IsoFlopExplorer.granularityBands(wide);
        assertEquals(41, many.size());
        assertEquals(1e-300, many.get(0)[0], 0.0);
        assertEquals(Math.pow(2, -10), many.get(0)[2], 1e-15);
        assertEquals(1024, many.get(40)[1], 0.0);
    }

    @Test
    void fixesTheSearchCannotHoldNameTheirField() {
        IsoFlopExplorer e = new IsoFlopExplorer(LING);
        assertEquals("experts", assertThrows(PlanRequestException.class, () -> e.explore(SMALL,
                new IsoFlopExplorer.Fixes(100, null, null), SearchLimits.NONE)).field());
        assertEquals("topK", assertThrows(PlanRequestException.class, () -> e.explore(SMALL,
                new IsoFlopExplorer.Fixes(null, 9, null), SearchLimits.NONE)).field());
        assertEquals("granularity", assertThrows(PlanRequestException.class, () -> e.explore(SMALL,
                new IsoFlopExplorer.Fixes(null, null, 40.0), SearchLimits.NONE)).field());
        assertEquals("experts", assertThrows(PlanRequestException.class, () -> e.explore(SMALL,
                new IsoFlopExplorer.Fixes(4, 4, null), SearchLimits.NONE)).field());
        assertFalse(java.util.Arrays.stream(IsoFlopExplorer.expertCounts(SMALL)).anyMatch(x -> x == 100));
    }

    @Test
    void aGridAboveTheWorkBudgetIsRefusedBeforeSearching() {
        assertThrows(PlanTooLargeException.class, () -> new IsoFlopExplorer(LING).explore(SMALL,
                IsoFlopExplorer.Fixes.NONE, SearchLimits.NONE.withMaxShapes(1000)));
    }

    /** The brute force's best in a band with E and k held by filtering its buckets (null: any). */
    private static Optional<Candidate> bruteBest(PlanRequest r, IsoFlopExplorer.Band b, Integer e, Integer k) {
        return new BruteForceSearch(new SearchSpace(withBand(r, new double[] {b.min(), b.max()})), LING).moe().ranked()
                .stream().filter(c -> (e == null || c.shape().experts() == e) && (k == null || c.shape().topK() == k))
                .findFirst();
    }

    private static PlanRequest withBand(PlanRequest r, double[] band) {
        EvidenceBounds x = r.bounds();
        return r.toBuilder().bounds(new EvidenceBounds(x.minActivationRatio(), band[0], band[1], x.minAspectRatio(),
                x.maxAspectRatio())).build();
    }
}
