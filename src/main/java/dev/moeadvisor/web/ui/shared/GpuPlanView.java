package dev.moeadvisor.web.ui.shared;

import dev.moeadvisor.budget.GpuBudget;
import dev.moeadvisor.memory.TrainingSetup;
import dev.moeadvisor.plan.HardwarePlan;

import java.util.ArrayList;
import java.util.List;

/**
 * The plan on the user's GPUs as the plan page shows it (issue 9 item 7, issue 12): the GPU budget echoed, the
 * layouts and memory per GPU of the recommendation and the dense baseline, the wall-clock hours, and EL in FLOPs next
 * to the leverage in GPU-hours. Numbers are formatted here; the flags are precomputed.
 *
 * @param gpus            e.g. {@code 1024 × NVIDIA H100 SXM}
 * @param memory          memory per GPU, or {@code unknown (no memory check)}
 * @param gpuHours        GPUs × hours
 * @param moeSlower       the MoE's MFU is below the dense model's
 * @param leverageBelowOne the leverage in GPU-hours is below 1: the MoE loses on the clock what it wins in FLOPs
 * @param memoryRows      one row per model with a known memory (empty when the memory per GPU is unknown)
 * @param setup           the training setup the memory assumes, in words
 * @param recommendedCost GPUs × hours × price of the recommendation, or {@code null} without a price
 * @param denseCost       the same for the dense baseline, or {@code null}
 * @param allToAllRatio   the recommended layout's all-to-all time over its MoE layer compute, or {@code null}
 * @param allToAllExceeds that ratio is above 1
 */
public record GpuPlanView(String gpus, String hours, String mfu, String moeMfu, String moeMfuRatio, String memory,
                          String gpuHours, String recommendedHours, String denseHours, boolean recommendedMoe,
                          boolean moeSlower, String elFlops, String elGpuHours, boolean leverageBelowOne,
                          List<MemoryRow> memoryRows, String setup, String recommendedCost, String denseCost,
                          String allToAllRatio, boolean allToAllExceeds) {

    public static GpuPlanView of(HardwarePlan p, boolean recommendedMoe) {
        GpuBudget b = p.hardware().budget();
        String name = b.gpu() == null ? "GPUs of " + NumberFormats.sci(b.peakFlops()) + " FLOP/s" : b.gpu().label();
        List<MemoryRow> rows = new ArrayList<>();
        p.recommendedLayout().ifPresent(o -> rows.add(MemoryRow.of("Recommended", o)));
        p.denseLayout().ifPresent(o -> rows.add(MemoryRow.of("Dense baseline", o)));
        return new GpuPlanView(NumberFormats.sig(b.count()) + " × " + name, NumberFormats.sig(b.hours()) + " h",
                NumberFormats.percent(b.mfu()), NumberFormats.percent(p.hardware().mfu(true)),
                NumberFormats.sig(p.hardware().moeMfuRatio()),
                p.hardware().hasMemory() ? NumberFormats.sig(p.hardware().memoryGb()) + " GB" : "unknown (no memory check)",
                NumberFormats.sig(b.gpuHours()), NumberFormats.sig(p.recommendedHours()) + " h",
                NumberFormats.sig(p.denseHours()) + " h", recommendedMoe, p.hardware().moeMfuRatio() < 1,
                NumberFormats.fixed2(p.elFlops()), NumberFormats.fixed2(p.elGpuHours()), p.elGpuHours() < 1, rows,
                setup(p.hardware().training()), p.hardware().hasPrice() ? NumberFormats.sig(p.recommendedCost()) : null,
                p.hardware().hasPrice() ? NumberFormats.sig(p.denseCost()) : null,
                p.allToAll().map(a -> NumberFormats.sig(a.ratio())).orElse(null),
                p.allToAll().map(a -> a.exceedsCompute()).orElse(false));
    }

    /** The training setup in words, e.g. {@code ZeRO-1, BF16 weights, BF16 gradients, selective recomputation}. */
    public static String setup(TrainingSetup t) {
        return "ZeRO-" + t.zeroStage() + ", " + t.paramDtype() + " weights, " + t.gradDtype() + " gradients, "
                + t.recompute().name().toLowerCase(java.util.Locale.ROOT) + " recomputation, micro-batch "
                + t.microBatch() + ", × " + NumberFormats.sig(t.overheadFactor()) + " overhead";
    }
}
