package dev.moeadvisor.memory;

import dev.moeadvisor.shape.ModelShape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayoutSearchTest {

    static final ModelShape GPT = TrainingMemoryTest.GPT;
    static final TrainingSetup ZERO1 = new TrainingSetup(1, 2048, Dtype.BF16, Dtype.BF16, 1, Recompute.SELECTIVE, 1.1);

    @Test
    void everyLayoutOfEightGpusIsTriedAndPlainDataParallelWinsWhenItFits() {
        // TP ∈ {1,2,4,8} (all divide 24 heads and 8192), PP | 8/TP and PP | 24: 4 + 3 + 2 + 1 = 10 layouts
        LayoutOptions o = LayoutSearch.search(GPT, 8, 80e9, ZERO1);
        assertEquals(10, o.validCount());
        assertEquals(10, o.feasibleCount());
        // Ψ = 24·(4h² + 3hf) + 2Vh = 3,025,108,992; ZeRO-1 over 8: (2 + 2 + 12/8)Ψ = 16.64e9;
        // activations 24 · 34sbh + 4sbV = 5,133,828,096 + 409,600,000; × 1.1 = 24.40 GB ≤ 80
        FeasibleLayout best = o.best();
        assertEquals(ParallelLayout.of(8, 1, 1), best.layout());
        assertEquals((5.5 * 3_025_108_992.0 + 5_133_828_096.0 + 409_600_000.0) * 1.1, best.memory().total(), 1.0);
    }

    @Test
    void feasibleLayoutsFitDivideAndAreRankedBySmallestModelParallelism() {
        double gb16 = 16e9;
        LayoutOptions o = LayoutSearch.search(GPT, 8, gb16, ZERO1);
        assertTrue(o.fits());
        // plain DP needs 24.4 GB (above), so the best layout has TP·PP ≥ 2
        assertFalse(TrainingMemory.of(GPT, ParallelLayout.of(8, 1, 1), ZERO1).fits(gb16));
        assertTrue(o.best().layout().modelParallel() >= 2);
        long previous = 0;
        for (FeasibleLayout f : o.feasible()) {
            ParallelLayout l = f.layout();
            assertEquals(8, l.gpus());
            assertEquals(0, 24 % l.tp());
            assertEquals(0, 24 % l.pp());
            assertTrue(f.memory().total() <= gb16);
            assertEquals(f.memory(), TrainingMemory.of(GPT, l, ZERO1));
            assertTrue(l.modelParallel() >= previous);
            previous = l.modelParallel();
        }
        // every layout left out with a smaller TP·PP than the best does not fit
        for (int tp : List.of(1, 2)) {
            for (int pp : List.of(1, 2)) {
                if (tp * pp < o.best().layout().modelParallel()) {
                    assertFalse(TrainingMemory.of(GPT, ParallelLayout.of(8 / tp / pp, tp, pp), ZERO1).fits(gb16));
                }
            }
        }
    }

    @Test
    void expertDegreesDivideTheExpertsAndTheDataTensorPlane() {
        ModelShape moe = ModelShape.builder().vocabSize(32_000).seqLen(2048).layers(8).dModel(2048).heads(16)
                .experts(12).topK(2).dExpert(1024).build();
        LayoutOptions o = LayoutSearch.search(moe, 16, 80e9, ZERO1);
        assertTrue(o.fits());
        for (FeasibleLayout f : o.feasible()) {
            ParallelLayout l = f.layout();
            assertEquals(0, 12 % l.ep());
            assertEquals(0, ((long) l.dp() * l.tp()) % ((long) l.ep() * l.etp()));
        }
        // with everything fitting, the first is DP 16 and no expert parallelism (EP 1 ranks before EP 2)
        assertEquals(new ParallelLayout(16, 1, 1, 1, 1, 1), o.best().layout());
    }

    @Test
    void nothingFitsSaysWhatWouldHaveToChange() {
        // one GPU: 16Ψ = 48.4 GB of model states alone exceed 40 GB; two GPUs (TP 2 halves everything) fit
        LayoutOptions o = LayoutSearch.search(GPT, 1, 40e9, ZERO1);
        assertFalse(o.fits());
        assertEquals(1, o.validCount());
        assertTrue(o.changes().get(0).contains("needs"), o.changes().toString());
        assertTrue(o.changes().stream().anyMatch(c -> c.startsWith("with 2× the GPUs (2)")), o.changes().toString());
        assertTrue(o.changes().stream().noneMatch(c -> c.startsWith("with ZeRO stage 3")), "ZeRO cannot help at DP 1");
    }

    @Test
    void badInputNamesTheField() {
        assertEquals("gpus", assertThrows(LayoutException.class,
                () -> LayoutSearch.search(GPT, 0, 80e9, ZERO1)).field());
        assertEquals("memoryGb", assertThrows(LayoutException.class,
                () -> LayoutSearch.search(GPT, 8, 0, ZERO1)).field());
    }

    @Test
    void theQuickCheckAgreesWithTheSearch() {
        ModelShape moe = ModelShape.builder().vocabSize(32_000).seqLen(2048).layers(8).dModel(2048).heads(16)
                .experts(12).topK(2).dExpert(1024).build();
        for (double gb = 2; gb <= 64; gb *= 1.25) {
            for (int gpus : List.of(1, 2, 6, 8, 16)) {
                boolean full = LayoutSearch.search(GPT, gpus, gb * 1e9, ZERO1).fits();
                // dense: EP = ETP = 1, so the lean layouts are all layouts and the answers agree
                assertEquals(full, new GpuFitCheck(gpus, gb * 1e9, ZERO1).fits(GPT), gpus + " GPUs, " + gb + " GB");
                // MoE: a lean layout that fits is one the search finds
                if (new GpuFitCheck(gpus, gb * 1e9, ZERO1).fits(moe)) {
                    assertTrue(LayoutSearch.search(moe, gpus, gb * 1e9, ZERO1).fits());
                }
            }
        }
    }

    @Test
    void divisorsAscending() {
        assertEquals(List.of(1, 2, 3, 4, 6, 12), LayoutSearch.divisors(12));
        assertEquals(List.of(1, 7), LayoutSearch.divisors(7));
        assertEquals(List.of(1), LayoutSearch.divisors(1));
    }
}
