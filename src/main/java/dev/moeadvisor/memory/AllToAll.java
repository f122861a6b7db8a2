package dev.moeadvisor.memory;

import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;

/**
 * A first-order estimate of expert parallelism's all-to-all against the compute of one MoE layer, per GPU.
 *
 * <p>Each token sends its hidden state ({@code h} values, BF16) to each of its {@code k} experts and receives the
 * {@code k} outputs back (dispatch and combine), in the forward pass and again, as gradients, in the backward pass:
 * {@code 4·k·h·2 = 8·k·h} bytes per token per MoE layer, of which the share {@code (EP − 1)/EP} leaves the GPU under
 * uniform routing. The layer's training compute per token is {@code 6·(N_attention + N_moe,active) +
 * 3·2·S·n_h·(d_qk + d_v)} ({@link ShapeMetrics}'s counts). Both scale with the tokens a GPU holds, so
 *
 * <pre>  communication time / compute time = [8·k·h·(EP − 1)/EP / bandwidth] / [F_layer / (peak · MFU)]</pre>
 *
 * <p>Bandwidth (stated defaults, per GPU and direction): {@value #NVLINK_BYTES_PER_SECOND} B/s when the EP·TP group
 * fits one node of {@value #GPUS_PER_NODE} GPUs (NVLink 4 on H100: 900 GB/s both directions), else
 * {@value #NETWORK_BYTES_PER_SECOND} B/s (one 400 Gb/s InfiniBand NDR port per GPU). Left out: overlap of
 * communication with compute, imbalanced routing, token dropping, hierarchical all-to-all. A ratio above 1 flags a
 * layout whose all-to-all alone would outlast the layer's compute.
 *
 * @param bytesPerToken  bytes each token sends and receives across GPUs per MoE layer (forward and backward)
 * @param flopsPerToken  training FLOPs of one MoE layer per token
 * @param bandwidth      bytes per second assumed
 * @param ratio          communication time over compute time
 */
public record AllToAll(double bytesPerToken, double flopsPerToken, double bandwidth, double ratio) {

    public static final double NVLINK_BYTES_PER_SECOND = 450e9;
    public static final double NETWORK_BYTES_PER_SECOND = 50e9;
    public static final int GPUS_PER_NODE = 8;

    /** The estimate for the first MoE layer of the shape under the layout, at {@code peakFlops × mfu} per GPU. */
    public static AllToAll of(ModelShape s, ParallelLayout l, double peakFlops, double mfu) {
        int i = firstMoeLayer(s);
        double h = s.dModel();
        double bytes = 8.0 * s.topK() * h * (l.ep() - 1) / l.ep();
        double active = ShapeMetrics.moeSharedAndRouterParams(s)
                + ShapeMetrics.routedExpertParams(s) * s.topK() / s.experts();
        double flops = 6.0 * (ShapeMetrics.attentionParams(s) + active) + 3.0 * ShapeMetrics.attentionFlopsPerToken(s, i);
        double bandwidth = (long) l.ep() * l.tp() <= GPUS_PER_NODE ? NVLINK_BYTES_PER_SECOND : NETWORK_BYTES_PER_SECOND;
        double ratio = (bytes / bandwidth) / (flops / (peakFlops * mfu));
        return new AllToAll(bytes, flops, bandwidth, ratio);
    }

    /** Whether the all-to-all alone would take longer than the layer's compute. */
    public boolean exceedsCompute() {
        return ratio > 1.0;
    }

    private static int firstMoeLayer(ModelShape s) {
        for (int i = 0; i < s.layers(); i++) {
            if (s.isMoeLayer(i)) {
                return i;
            }
        }
        throw new IllegalArgumentException("the shape has no MoE layer");
    }
}
