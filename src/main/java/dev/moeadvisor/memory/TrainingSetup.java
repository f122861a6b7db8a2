package dev.moeadvisor.memory;

/**
 * What besides shape and layout fixes the memory of a training step.
 *
 * @param microBatch     sequences per micro-batch per data-parallel rank ({@code b})
 * @param seqLen         tokens per sequence ({@code s}); the shape's own when built by {@link #forShape}
 * @param paramDtype     storage of the working weights (BF16, or FP8 with FP8 training)
 * @param gradDtype      storage of the gradients (FP32 as Megatron-LM's main grads, BF16 as in the ZeRO paper)
 * @param zeroStage      0 none; 1 optimizer states sharded over data-parallel ranks (= Megatron-LM's distributed
 *                       optimizer); 2 also gradients; 3 also parameters (ZeRO, arXiv 1910.02054, §5)
 * @param recompute      activation recomputation
 * @param overheadFactor multiplies the sum of the four parts for what the formulas leave out: allocator
 *                       fragmentation, communication buffers, CUDA context, temporary buffers
 */
public record TrainingSetup(int microBatch, int seqLen, Dtype paramDtype, Dtype gradDtype, int zeroStage,
                            Recompute recompute, double overheadFactor) {

    /** Default overhead: 10% over the four parts (a stated round figure, not a measurement). */
    public static final double DEFAULT_OVERHEAD = 1.10;
    public static final int MAX_MICRO_BATCH = 1 << 16;

    public TrainingSetup {
        if (microBatch < 1 || microBatch > MAX_MICRO_BATCH) {
            throw new LayoutException("training.microBatch", "must be between 1 and " + MAX_MICRO_BATCH);
        }
        if (seqLen < 1 || seqLen > (1 << 24)) {
            throw new LayoutException("training.seqLen", "must be between 1 and " + (1 << 24));
        }
        if (paramDtype == null) {
            throw new LayoutException("training.paramDtype", "must be one of FP32, BF16, FP8");
        }
        if (gradDtype == null) {
            throw new LayoutException("training.gradDtype", "must be one of FP32, BF16, FP8");
        }
        if (zeroStage < 0 || zeroStage > 3) {
            throw new LayoutException("training.zeroStage", "must be 0, 1, 2 or 3");
        }
        if (recompute == null) {
            throw new LayoutException("training.recompute", "must be one of NONE, SELECTIVE, FULL");
        }
        if (!(overheadFactor >= 1.0 && overheadFactor <= 4.0)) {
            throw new LayoutException("training.overheadFactor", "must be between 1 and 4");
        }
    }

    /** BF16 weights and gradients, distributed optimizer (ZeRO-1), selective recomputation, micro-batch 1. */
    public static TrainingSetup forShape(int seqLen) {
        return new TrainingSetup(1, seqLen, Dtype.BF16, Dtype.BF16, 1, Recompute.SELECTIVE, DEFAULT_OVERHEAD);
    }

    public TrainingSetup withRecompute(Recompute r) {
        return new TrainingSetup(microBatch, seqLen, paramDtype, gradDtype, zeroStage, r, overheadFactor);
    }

    public TrainingSetup withZeroStage(int z) {
        return new TrainingSetup(microBatch, seqLen, paramDtype, gradDtype, z, recompute, overheadFactor);
    }

    public TrainingSetup withSeqLen(int s) {
        return new TrainingSetup(microBatch, s, paramDtype, gradDtype, zeroStage, recompute, overheadFactor);
    }

    public TrainingSetup withMicroBatch(int b) {
        return new TrainingSetup(b, seqLen, paramDtype, gradDtype, zeroStage, recompute, overheadFactor);
    }

    /** Optimizer bytes per parameter: Adam's FP32 momentum and variance plus an FP32 master copy ({@code K = 12}
     *  of the ZeRO paper), or 8 when the weights are FP32 already. */
    public int optimizerBytesPerParam() {
        return paramDtype == Dtype.FP32 ? 8 : 12;
    }
}
