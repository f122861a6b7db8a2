package dev.moeadvisor.memory;

/**
 * Training memory of one GPU in the most loaded pipeline stage, in bytes.
 *
 * @param stage             0-based pipeline stage this is for (the one with the largest total)
 * @param denseParams       dense parameters held by the GPU (attention, dense FFNs, shared experts, router, embeddings),
 *                          before any ZeRO-3 sharding
 * @param expertParams      routed-expert parameters held by the GPU, before any ZeRO-3 sharding
 * @param weights           working weights
 * @param gradients         gradients
 * @param optimizer         Adam states and FP32 master weights
 * @param activations       activations held for the backward pass (all micro-batches in flight on this stage)
 * @param overheadFactor    the stated factor applied to the sum
 * @param total             {@code (weights + gradients + optimizer + activations) · overheadFactor}
 */
public record MemoryBreakdown(int stage, double denseParams, double expertParams, double weights, double gradients,
                              double optimizer, double activations, double overheadFactor, double total) {

    /** The four parts before the overhead factor. */
    public double subtotal() {
        return weights + gradients + optimizer + activations;
    }

    public boolean fits(double bytesPerGpu) {
        return total <= bytesPerGpu;
    }
}
