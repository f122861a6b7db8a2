package dev.moeadvisor.web.api;

import dev.moeadvisor.memory.Dtype;
import dev.moeadvisor.memory.Recompute;
import dev.moeadvisor.memory.TrainingSetup;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How the model is trained, for its memory. Every field optional: {@code microBatch} 1, {@code seqLen} the shape's,
 * {@code paramDtype} BF16, {@code gradDtype} BF16, {@code zeroStage} 1 (Megatron-LM's distributed optimizer),
 * {@code recompute} SELECTIVE, {@code overheadFactor} 1.1.
 */
public record TrainingSetupRequest(
        @Min(1) @Max(TrainingSetup.MAX_MICRO_BATCH) Integer microBatch,
        @Min(1) @Max(1 << 24) Integer seqLen,
        Dtype paramDtype,
        Dtype gradDtype,
        @Min(0) @Max(3) Integer zeroStage,
        Recompute recompute,
        @DecimalMin("1") @DecimalMax("4") Double overheadFactor) {

    static TrainingSetup toSetup(TrainingSetupRequest r, int shapeSeqLen) {
        TrainingSetup d = TrainingSetup.forShape(shapeSeqLen);
        if (r == null) {
            return d;
        }
        return new TrainingSetup(r.microBatch != null ? r.microBatch : d.microBatch(),
                r.seqLen != null ? r.seqLen : d.seqLen(),
                r.paramDtype != null ? r.paramDtype : d.paramDtype(),
                r.gradDtype != null ? r.gradDtype : d.gradDtype(),
                r.zeroStage != null ? r.zeroStage : d.zeroStage(),
                r.recompute != null ? r.recompute : d.recompute(),
                r.overheadFactor != null ? r.overheadFactor : d.overheadFactor());
    }
}
