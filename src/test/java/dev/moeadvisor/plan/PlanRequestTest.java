package dev.moeadvisor.plan;

import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanRequestTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        PlanRequest r = PlanRequest.builder(1e21, PlanRequest.AMPLE).build();
        assertTrue(r.hasAmpleData());
        assertFalse(r.hasMemoryCap());
        assertFalse(r.hasFixedTotalParams());
        assertEquals(0.05, r.fixedTotalParamsTolerance());
        assertEquals(4, r.maxEpochs());
        assertEquals(4096, r.seqLen());
        assertEquals(128_000, r.vocabSize());
        assertEquals(512, r.maxExperts());
        assertEquals(1, r.expertParallelDegree());
        assertEquals(2, r.minTopK());
        assertEquals(8, r.maxTopK());
        assertTrue(r.sharedExpert());
        assertEquals(1, r.sharedExperts());
        assertEquals(128, r.dModelMultiple());
        assertEquals(64, r.dExpertMultiple());
        assertEquals(0, r.minDenseLayers());
        assertEquals(3, r.maxDenseLayers());
        assertEquals(10, r.alternatives());
        assertEquals(1.0 / 128, r.bounds().minActivationRatio());
        assertEquals(2, r.bounds().minGranularity());
        assertEquals(16, r.bounds().maxGranularity());
        assertEquals(48, r.bounds().minAspectRatio());
        assertEquals(128, r.bounds().maxAspectRatio());
        assertTrue(r.departuresFromEvidence().isEmpty());
    }

    static void rejects(String field, UnaryOperator<PlanRequest.Builder> change) {
        PlanRequestException e = assertThrows(PlanRequestException.class,
                () -> change.apply(PlanRequest.builder(1e21, 1e12)).build());
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void validationNamesTheField() {
        rejects("computeFlops", b -> b.computeFlops(Double.NaN));
        rejects("computeFlops", b -> b.computeFlops(-1));
        rejects("computeFlops", b -> b.computeFlops(Double.POSITIVE_INFINITY));
        rejects("uniqueTokens", b -> b.uniqueTokens(0));
        rejects("maxTotalParams", b -> b.maxTotalParams(0));
        rejects("fixedTotalParams", b -> b.fixedTotalParams(-5));
        rejects("fixedTotalParamsTolerance", b -> b.fixedTotalParams(1e9, 1.5));
        rejects("maxEpochs", b -> b.maxEpochs(0));
        rejects("seqLen", b -> b.seqLen(0));
        rejects("maxTopK", b -> b.topK(4, 3));
        rejects("minTopK", b -> b.topK(0, 3));
        rejects("maxExperts", b -> b.maxExperts(8));
        rejects("expertParallelDegree", b -> b.expertParallelDegree(0));
        rejects("dModelMultiple", b -> b.dModelMultiple(96));
        rejects("maxDenseLayers", b -> b.denseLayers(2, 1));
        rejects("alternatives", b -> b.alternatives(-1));
        rejects("minActivationRatio", b -> b.bounds(new EvidenceBounds(0, 2, 16, 48, 128)));
        rejects("maxGranularity", b -> b.bounds(new EvidenceBounds(0.01, 4, 2, 48, 128)));
        rejects("maxAspectRatio", b -> b.bounds(new EvidenceBounds(0.01, 2, 16, 48, 40)));
    }

    @Test
    void widenedBoundsAreReported() {
        PlanRequest r = PlanRequest.builder(1e21, 1e12).topK(1, 8).sharedExpert(false)
                .bounds(new EvidenceBounds(1.0 / 512, 2, 32, 48, 128)).build();
        assertEquals(4, r.departuresFromEvidence().size(), r.departuresFromEvidence().toString());
        assertEquals(0, r.sharedExperts());
    }

    @Test
    void withBudgetKeepsEverythingElse() {
        PlanRequest r = PlanRequest.builder(1e21, 1e12).maxTotalParams(5e9).topK(2, 4).build();
        PlanRequest s = r.withBudget(1e22, PlanRequest.AMPLE);
        assertEquals(r.toBuilder().computeFlops(1e22).uniqueTokens(PlanRequest.AMPLE).build(), s);
        assertEquals(5e9, s.maxTotalParams());
    }
}
