package dev.moeadvisor.plan;

import dev.moeadvisor.budget.Gpu;
import dev.moeadvisor.budget.GpuBudget;
import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import dev.moeadvisor.memory.FeasibleLayout;
import dev.moeadvisor.memory.LayoutSearch;
import dev.moeadvisor.memory.TrainingMemory;
import dev.moeadvisor.memory.TrainingSetup;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plans on GPUs (issue 12): only shapes that fit, the layout named, wall-clock time, leverage in GPU-hours. */
class GpuPlanTest {

    static final Planner PLANNER = new Planner(new MoeLossModel(DenseLossLaw.CHINCHILLA, EfficiencyLeverageLaw.LING_2025));

    /** A request from a GPU budget, as the API builds it: compute from the budget, memory from the preset. */
    static PlanRequest request(GpuBudget budget, double memoryGb, double moeMfuRatio, double uniqueTokens) {
        Hardware h = new Hardware(budget, memoryGb, moeMfuRatio, TrainingSetup.forShape(PlanRequest.DEFAULT_SEQ_LEN));
        return PlanRequest.builder(budget.computeFlops(), uniqueTokens).hardware(h).build();
    }

    @Test
    void thousandH100sForThirtyDaysGetAShapeThatFitsAndTheTimeBackTo720Hours() {
        // 1024 GPUs × 720 h × 3600 s × 989e12 FLOP/s × 0.4 = 1.0500046848e24 FLOPs; 15T unique tokens
        GpuBudget b = GpuBudget.of(Gpu.H100, 1024, 720, 0.4);
        assertEquals(1024 * 720 * 3600.0 * 989e12 * 0.4, b.computeFlops(), 1e9);
        PlanResult plan = PLANNER.plan(request(b, Gpu.H100.memoryGb(), 1.0, 15e12));
        assertEquals(1.0500046848e24, plan.request().computeFlops(), 1e12);
        HardwarePlan hw = plan.hardware().orElseThrow();
        FeasibleLayout layout = hw.recommendedBest().orElseThrow();
        assertEquals(1024, layout.layout().gpus());
        assertTrue(layout.memory().total() <= 80e9, "per-GPU memory " + layout.memory().total());
        // the layout's memory is the memory model's for that shape and layout
        assertEquals(TrainingMemory.of(plan.recommended().shape(), layout.layout(),
                TrainingSetup.forShape(PlanRequest.DEFAULT_SEQ_LEN)), layout.memory());
        // at MoE MFU = dense MFU the recommendation spends C in exactly the budget's 720 hours
        assertEquals(720.0, hw.recommendedHours(), 1e-9);
        assertEquals(720.0, hw.denseHours(), 1e-9);
        // every shape the plan returns fits some layout
        for (Candidate c : plan.candidates()) {
            assertTrue(LayoutSearch.search(c.shape(), 1024, 80e9, TrainingSetup.forShape(4096)).fits(),
                    Rationale.describe(c.shape()));
        }
        // the all-to-all of that layout, at the MoE's MFU (= dense here), is the memory room's estimate
        assertEquals(dev.moeadvisor.memory.AllToAll.of(plan.recommended().shape(), layout.layout(), 989e12, 0.4),
                hw.allToAll().orElseThrow());
        System.out.printf("1024 × H100: %s, %s, %.1f GB%n", Rationale.describe(plan.recommended().shape()),
                layout.layout().label(), layout.memory().total() / 1e9);

        // the same request on 64 A100-40GB: smaller compute, a smaller shape that fits 40 GB
        GpuBudget small = GpuBudget.of(Gpu.A100_40, 64, 720, 0.4);
        PlanResult a100 = PLANNER.plan(request(small, Gpu.A100_40.memoryGb(), 1.0, 15e12));
        FeasibleLayout l40 = a100.hardware().orElseThrow().recommendedBest().orElseThrow();
        assertTrue(l40.memory().total() <= 40e9);
        assertEquals(64, l40.layout().gpus());
        assertTrue(a100.recommended().totalParams() < plan.recommended().totalParams());
    }

    @Test
    void memoryThatBindsRemovesShapesAndIsReported() {
        // the compute of the 1024-H100 budget on 16 A100-40GB (about 9,100 days): memory per GPU now binds
        GpuBudget b = new GpuBudget(Gpu.A100_40, Gpu.A100_40.peakFlops(), 16, 1.0500046848e24 / (16 * 3600 * 312e12 * 0.4), 0.4);
        PlanResult free = PLANNER.plan(PlanRequest.builder(b.computeFlops(), PlanRequest.AMPLE).build());
        PlanResult fit = PLANNER.plan(request(b, 40, 1.0, PlanRequest.AMPLE));
        assertFalse(LayoutSearch.search(free.recommended().shape(), 16, 40e9, TrainingSetup.forShape(4096)).fits(),
                "without the GPU constraint the recommendation would not fit 16 × 40 GB");
        assertTrue(fit.rejections().byConstraint().get(Constraint.GPU_MEMORY.id()) > 0);
        assertTrue(fit.hardware().orElseThrow().recommendedBest().orElseThrow().memory().total() <= 40e9);
        assertTrue(fit.recommended().totalParams() < free.recommended().totalParams());
    }

    @Test
    void nothingFitsNamesTheGpuCount() {
        // one GPU with 50 MB: not even the smallest shape's weights fit
        GpuBudget b = GpuBudget.of(Gpu.H100, 1, 1000, 0.4);
        InfeasiblePlanException e = assertThrows(InfeasiblePlanException.class,
                () -> PLANNER.plan(request(b, 0.05, 1.0, PlanRequest.AMPLE)));
        assertEquals("gpuBudget.count", e.constraint());
        assertTrue(e.getMessage().contains("fits 1 GPUs of 0.05 GB"), e.getMessage());
    }

    @Test
    void moeAtHalfTheMfuHasHalfTheLeverageInGpuHours() {
        // memory unknown (NaN): no memory check, only the clock
        GpuBudget b = GpuBudget.of(Gpu.H100, 64, 240, 0.4);
        long t0 = System.nanoTime();
        PlanResult same = PLANNER.plan(request(b, Double.NaN, 1.0, PlanRequest.AMPLE));
        long t1 = System.nanoTime();
        PlanResult half = PLANNER.plan(request(b, 80, 0.5, PlanRequest.AMPLE));
        System.out.printf("plan without / with the memory check: %.1f s / %.1f s%n", (t1 - t0) / 1e9,
                (System.nanoTime() - t1) / 1e9);
        // ranking is at equal FLOPs, so the shapes are the same; only the clock changes
        assertEquals(same.recommended().shape(), half.recommended().shape());
        assertTrue(half.recommended().isMoe());
        double el = half.bestMoe().efficiencyLeverage();
        assertEquals(el, half.hardware().orElseThrow().elFlops());
        assertEquals(el / 2, half.hardware().orElseThrow().elGpuHours(), 1e-12);
        assertEquals(el, same.hardware().orElseThrow().elGpuHours(), 1e-12);
        // MoE at MFU 0.2 needs twice the budget's 240 hours for the same compute; the dense baseline keeps 240
        assertEquals(0.2, half.hardware().orElseThrow().recommendedMfu(), 1e-15);
        assertEquals(480.0, half.hardware().orElseThrow().recommendedHours(), 1e-9);
        assertEquals(240.0, half.hardware().orElseThrow().denseHours(), 1e-9);
        // no price given: no cost
        assertTrue(Double.isNaN(half.hardware().orElseThrow().recommendedCost()));
    }

    @Test
    void aPriceGivesTheCostOfEach() {
        GpuBudget b = GpuBudget.of(Gpu.H100, 64, 240, 0.4);
        Hardware h = new Hardware(b, Double.NaN, 0.5, TrainingSetup.forShape(PlanRequest.DEFAULT_SEQ_LEN), 2.0);
        HardwarePlan p = PLANNER.plan(PlanRequest.builder(b.computeFlops(), PlanRequest.AMPLE).hardware(h).build())
                .hardware().orElseThrow();
        // MoE: 64 GPUs × 480 h × 2 = 61,440; dense: 64 × 240 h × 2 = 30,720
        assertEquals(61_440.0, p.recommendedCost(), 1e-6);
        assertEquals(30_720.0, p.denseCost(), 1e-6);
        assertEquals("gpuBudget.pricePerGpuHour", assertThrows(PlanRequestException.class,
                () -> new Hardware(b, 80, 0.8, TrainingSetup.forShape(4096), -1)).field());
    }

    @Test
    void hardwareFieldsAreChecked() {
        GpuBudget b = GpuBudget.of(Gpu.H100, 8.5, 10, 0.4);
        assertEquals("gpuBudget.count", assertThrows(PlanRequestException.class,
                () -> new Hardware(b, 80, 0.8, TrainingSetup.forShape(4096))).field());
        GpuBudget ok = GpuBudget.of(Gpu.H100, 8, 10, 0.4);
        assertEquals("gpuBudget.memoryGb", assertThrows(PlanRequestException.class,
                () -> new Hardware(ok, 0, 0.8, TrainingSetup.forShape(4096))).field());
        assertEquals("moeMfuRatio", assertThrows(PlanRequestException.class,
                () -> new Hardware(ok, 80, 0, TrainingSetup.forShape(4096))).field());
        Hardware h = new Hardware(ok, 80, 0.8, TrainingSetup.forShape(4096));
        assertEquals("gpuBudget", assertThrows(PlanRequestException.class,
                () -> PlanRequest.builder(1e22, PlanRequest.AMPLE).hardware(h).build()).field());
    }
}
