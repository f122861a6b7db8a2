package dev.moeadvisor.plan;

import dev.moeadvisor.budget.GpuBudget;
import dev.moeadvisor.memory.ParallelLayout;
import dev.moeadvisor.memory.TrainingSetup;

/**
 * The GPUs a plan is for: the user's GPU budget (type, count, hours, MFU), the memory per GPU (from the preset or
 * given; {@code NaN} = unknown, no memory check), the ratio of MoE to dense MFU, and how the model would be trained
 * (for its memory; the sequence length is the request's).
 *
 * <p>MoE training runs at a lower MFU than dense training ([ER] Li, Lo et al., arXiv 2506.12119, §5.2): the token
 * dispatch all-to-all and the smaller per-expert matrix multiplications cost time the FLOP count does not show. The
 * default ratio {@value #DEFAULT_MOE_MFU_RATIO} follows Du et al., arXiv 2405.15052 (abstract), whose 3D-sharded
 * MoEs kept the dense-to-MoE step-time increase under 20% (MFU ratio ≥ 1/1.2 ≈ 0.83, rounded down); at small scale or
 * without such sharding the gap is larger (the issue cites public ladders near 0.5). The user's MFU is the dense
 * model's; the MoE's is {@code MFU × ratio}.
 *
 * @param budget      the GPU budget as the user gave it
 * @param memoryGb    memory per GPU in GB (10⁹ bytes), {@code NaN} when unknown
 * @param moeMfuRatio MoE MFU over dense MFU, in (0, 2]
 * @param training    micro-batch, dtypes, ZeRO stage, recomputation and overhead of the memory estimate
 * @param pricePerGpuHour price of one GPU-hour (any currency), {@code NaN} when not given
 */
public record Hardware(GpuBudget budget, double memoryGb, double moeMfuRatio, TrainingSetup training,
                       double pricePerGpuHour) {

    /** Without a price. */
    public Hardware(GpuBudget budget, double memoryGb, double moeMfuRatio, TrainingSetup training) {
        this(budget, memoryGb, moeMfuRatio, training, Double.NaN);
    }

    public static final double DEFAULT_MOE_MFU_RATIO = 0.8;

    public Hardware {
        if (budget == null) {
            throw new PlanRequestException("gpuBudget", "must be given");
        }
        if (budget.count() != Math.rint(budget.count()) || budget.count() > ParallelLayout.MAX_DEGREE) {
            throw new PlanRequestException("gpuBudget.count", "must be a whole number of GPUs, at most "
                    + ParallelLayout.MAX_DEGREE);
        }
        if (!Double.isNaN(memoryGb) && !(memoryGb > 0 && memoryGb <= 10_000)) {
            throw new PlanRequestException("gpuBudget.memoryGb", "must lie in (0, 10000] GB");
        }
        if (!(moeMfuRatio > 0 && moeMfuRatio <= 2)) {
            throw new PlanRequestException("moeMfuRatio", "must lie in (0, 2]");
        }
        if (training == null) {
            throw new PlanRequestException("training", "must be given");
        }
        if (!Double.isNaN(pricePerGpuHour) && !(pricePerGpuHour >= 0 && pricePerGpuHour <= 1e6)) {
            throw new PlanRequestException("gpuBudget.pricePerGpuHour", "must lie in [0, 1e6]");
        }
    }

    public boolean hasPrice() {
        return !Double.isNaN(pricePerGpuHour);
    }

    /** Cost of running all the GPUs for {@code hours}: {@code GPUs × hours × price}; {@code NaN} without a price. */
    public double cost(double hours) {
        return budget.count() * hours * pricePerGpuHour;
    }

    public int gpus() {
        return (int) budget.count();
    }

    public boolean hasMemory() {
        return !Double.isNaN(memoryGb);
    }

    public double bytesPerGpu() {
        return memoryGb * 1e9;
    }

    /** The training setup at the request's sequence length. */
    public TrainingSetup training(int seqLen) {
        return training.withSeqLen(seqLen);
    }

    /** MFU of a model: the budget's for dense, times {@link #moeMfuRatio()} for an MoE (capped at 1). */
    public double mfu(boolean moe) {
        return moe ? Math.min(1.0, budget.mfu() * moeMfuRatio) : budget.mfu();
    }

    /** Wall-clock hours to spend {@code flops} on these GPUs at the MFU of the model kind:
     *  {@code C / (GPUs · peak · MFU · 3600)}. */
    public double hours(double flops, boolean moe) {
        return flops / (budget.count() * budget.peakFlops() * mfu(moe) * 3600.0);
    }
}
