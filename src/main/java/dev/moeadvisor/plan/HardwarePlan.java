package dev.moeadvisor.plan;

import dev.moeadvisor.memory.AllToAll;
import dev.moeadvisor.memory.FeasibleLayout;
import dev.moeadvisor.memory.LayoutOptions;
import dev.moeadvisor.memory.LayoutSearch;

import java.util.Optional;

/**
 * A plan on the user's GPUs: the layout that fits the recommendation and the dense baseline (when the memory per GPU
 * is known), the wall-clock time of each at its MFU, and the efficiency leverage in GPU-hours next to EL in FLOPs.
 *
 * <p>Every shape of a plan is trained on the same compute {@code C}. Its wall-clock time is
 * {@code C / (GPUs · peak · MFU · 3600)} hours, with the MoE's MFU lower by {@link Hardware#moeMfuRatio()}. EL is a
 * ratio of FLOPs (the dense model needs {@code EL·C} to match the MoE trained on {@code C}); in GPU-hours the dense
 * model needs {@code EL·C/MFU_dense} against the MoE's {@code C/MFU_moe}, so the leverage in GPU-hours is
 * {@code EL · MFU_moe/MFU_dense = EL · ratio}. Below 1, the MoE loses on the clock what it wins in FLOPs.
 *
 * @param hardware          the GPUs, as requested
 * @param recommendedLayout the layouts of the recommendation (empty when the memory per GPU is unknown)
 * @param denseLayout       the layouts of the dense baseline (empty when unknown or no baseline)
 * @param recommendedMfu    the recommendation's MFU
 * @param recommendedHours  the recommendation's wall-clock hours
 * @param denseHours        the dense baseline's wall-clock hours (at the budget's MFU: the budget's hours)
 * @param moe               the MoE the leverage is for (the recommendation, or the best MoE when dense is recommended)
 * @param elFlops           that MoE's EL in FLOPs
 * @param elGpuHours        its leverage in GPU-hours, {@code EL · ratio}
 * @param allToAll          the expert-parallel all-to-all of the recommendation's best layout against its layer
 *                          compute at the MoE's MFU ({@link AllToAll}); empty for dense or without a fitting layout
 *
 * <p>With a price per GPU-hour, {@link #recommendedCost()} and {@link #denseCost()} are
 * {@code GPUs × hours × price} ({@code NaN} without one).
 */
public record HardwarePlan(Hardware hardware, Optional<LayoutOptions> recommendedLayout,
                           Optional<LayoutOptions> denseLayout, double recommendedMfu, double recommendedHours,
                           double denseHours, Candidate moe, double elFlops, double elGpuHours,
                           Optional<AllToAll> allToAll) {

    public HardwarePlan {
        allToAll = allToAll == null ? Optional.empty() : allToAll;
    }

    static HardwarePlan of(PlanRequest request, Candidate recommended, Optional<Candidate> dense, Candidate bestMoe) {
        Hardware h = request.hardware();
        double c = request.computeFlops();
        Optional<LayoutOptions> recLayout = layouts(h, request, recommended);
        Optional<LayoutOptions> denseLayout = dense.flatMap(d -> layouts(h, request, d));
        double el = bestMoe.efficiencyLeverage();
        Optional<AllToAll> allToAll = recommended.isMoe()
                ? recLayout.filter(LayoutOptions::fits).map(o -> AllToAll.of(recommended.shape(), o.best().layout(),
                h.budget().peakFlops(), h.mfu(true)))
                : Optional.empty();
        return new HardwarePlan(h, recLayout, denseLayout, h.mfu(recommended.isMoe()), h.hours(c, recommended.isMoe()),
                h.hours(c, false), bestMoe, el, el * h.mfu(true) / h.mfu(false), allToAll);
    }

    private static Optional<LayoutOptions> layouts(Hardware h, PlanRequest request, Candidate c) {
        if (!h.hasMemory()) {
            return Optional.empty();
        }
        return Optional.of(LayoutSearch.search(c.shape(), h.gpus(), h.bytesPerGpu(), h.training(request.seqLen())));
    }

    /** {@code GPUs × recommendedHours × price}, or {@code NaN} without a price. */
    public double recommendedCost() {
        return hardware.cost(recommendedHours);
    }

    /** {@code GPUs × denseHours × price}, or {@code NaN} without a price. */
    public double denseCost() {
        return hardware.cost(denseHours);
    }

    /** The recommendation's best layout, when one fits. */
    public Optional<FeasibleLayout> recommendedBest() {
        return recommendedLayout.map(LayoutOptions::best);
    }
}
