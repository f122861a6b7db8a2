package dev.moeadvisor.plan;

import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The grid estimate against the truth: the number of shapes the search itself evaluates ({@link Rejections#evaluated()}
 * for the MoE grid, the dense search's count for the baseline), on default and widened requests.
 */
class GridEstimateTest {

    static final MoeLossModel MODEL = new MoeLossModel(DenseLossLaw.CHINCHILLA, EfficiencyLeverageLaw.LING_2025);

    /** The request of issue 8 that exhausted the heap (every field within its bounds). */
    static PlanRequest heapExhausting() {
        return PlanRequest.builder(1e32, PlanRequest.AMPLE).fixedTotalParams(1e9, 1e-9).topK(2, 128)
                .maxExperts(65536).denseLayers(0, 0).bounds(new EvidenceBounds(1e-9, 0.01, 1024, 1, 100000)).build();
    }

    static Stream<PlanRequest> requests() {
        return Stream.of(
                PlanRequest.builder(1e20, PlanRequest.AMPLE).build(),
                PlanRequest.builder(1e22, PlanRequest.AMPLE).build(),
                PlanRequest.builder(1e24, 1e12).maxTotalParams(1e12).build(),
                PlanRequest.builder(2.86e21, 316e9).fixedTotalParams(6.52e9, 0.05).build(),
                PlanRequest.builder(1e17, PlanRequest.AMPLE).topK(1, 4).denseLayers(1, 5).expertParallelDegree(6)
                        .build(),
                PlanRequest.builder(3e21, 200e9).maxTotalParams(12e9).maxEpochs(3).expertParallelDegree(8).topK(2, 6)
                        .denseLayers(1, 2).seqLen(2048).build(),
                PlanRequest.builder(1e21, PlanRequest.AMPLE).maxExperts(1024).topK(2, 12)
                        .bounds(new EvidenceBounds(1.0 / 512, 1, 32, 24, 256)).build());
    }

    @ParameterizedTest
    @MethodSource("requests")
    void countsExactlyTheShapesTheSearchVisits(PlanRequest request) {
        ShapeSearch search = new ShapeSearch(new SearchSpace(request), MODEL);
        long moe = search.moe().rejections().evaluated();
        long dense = search.dense(request.computeFlops()).rejections().evaluated();
        SearchSpace space = new SearchSpace(request);
        assertEquals(moe, GridEstimate.moeShapes(space));
        assertEquals(dense, GridEstimate.denseShapes(space));
        assertEquals(moe + dense, GridEstimate.shapes(request));
    }

    @Test
    void theDefaultGridsLieFarBelowTheDefaultLimit() {
        // README: the default-bounds plans search 198,268–329,412 MoE shapes; the documented limit is 2,000,000.
        requests().limit(4).forEach(r -> assertTrue(GridEstimate.shapes(r) < 400_000, () -> r + ""));
    }

    @Test
    void theHeapExhaustingRequestIsRefusedBeforeSearchingNamingTheWidenedBounds() {
        PlanRequest r = heapExhausting();
        long shapes = GridEstimate.shapes(r);
        // With depth set by the rule (one L per d_model) the quoted request still spans about 5.2 million shapes,
        // above the documented limit of 2 million.
        assertTrue(shapes > 2_000_000, "the quoted request spans about 5.2e6 shapes: " + shapes);
        SearchLimits limits = SearchLimits.NONE.withMaxShapes(2_000_000);
        PlanTooLargeException e = assertThrows(PlanTooLargeException.class,
                () -> new Planner(MODEL).plan(r, List.of(), limits));
        assertEquals(shapes, e.estimate());
        List<String> fields = e.narrowings().stream().map(GridEstimate.Narrowing::field).toList();
        assertTrue(fields.containsAll(List.of("maxExperts", "maxTopK", "minGranularity", "maxGranularity")),
                fields::toString);
        // maxDenseLayers = 0 narrows the grid, minActivationRatio does not shape it, and the aspect band does not
        // widen it (depth is set by the rule L = round(d_model/85), inside either band): none is named.
        assertTrue(!fields.contains("maxDenseLayers") && !fields.contains("minActivationRatio")
                && !fields.contains("minAspectRatio") && !fields.contains("maxAspectRatio"), fields::toString);
        assertTrue(e.getMessage().contains(Long.toString(shapes)), e.getMessage());
    }

    @Test
    void aPastDeadlineOrACancelledSearchStops() {
        PlanRequest r = PlanRequest.builder(1e22, PlanRequest.AMPLE).build();
        SearchLimits late = new SearchLimits(Long.MAX_VALUE, 100, () -> false, () -> 101);
        assertEquals(PlanAbortedException.Reason.DEADLINE, assertThrows(PlanAbortedException.class,
                () -> new Planner(MODEL).plan(r, List.of(), late)).reason());
        SearchLimits cancelled = new SearchLimits(Long.MAX_VALUE, Long.MAX_VALUE, () -> true, () -> 0);
        assertEquals(PlanAbortedException.Reason.CANCELLED, assertThrows(PlanAbortedException.class,
                () -> new Planner(MODEL).plan(r, List.of(), cancelled)).reason());
        SearchLimits inTime = new SearchLimits(Long.MAX_VALUE, 100, () -> false, () -> 99);
        assertEquals(new Planner(MODEL).plan(r).recommended(), new Planner(MODEL).plan(r, List.of(), inTime).recommended());
    }

    @Test
    void aSweepIsRefusedWhenItsTotalWorkExceedsTheBudget() {
        PlanRequest template = PlanRequest.builder(1e20, PlanRequest.AMPLE).build();
        List<Budget> budgets = Stream.of(1e19, 1e20, 1e21).map(c -> new Budget(c, PlanRequest.AMPLE)).toList();
        long total = budgets.stream().mapToLong(b -> GridEstimate.shapes(template.withBudget(b.computeFlops(),
                b.uniqueTokens()))).sum();
        PlanSweep sweep = new PlanSweep(new Planner(MODEL));
        PlanTooLargeException e = assertThrows(PlanTooLargeException.class,
                () -> sweep.run(template, budgets, SearchLimits.NONE.withMaxShapes(2_000_000), total - 1));
        assertEquals(total, e.estimate());
        assertEquals("budgets", e.narrowings().get(0).field());
        assertEquals(3, sweep.run(template, budgets, SearchLimits.NONE.withMaxShapes(2_000_000), total).size());
    }
}
