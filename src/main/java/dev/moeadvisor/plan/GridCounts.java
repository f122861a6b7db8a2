package dev.moeadvisor.plan;

import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;

/**
 * The counts {@link ShapeMetrics#of} gives a grid point of a {@link SearchSpace}, without building its shape: the
 * search's hot path. One instance per (d_model, L) block, made from one shape of the block ({@link #of}): its
 * attention parameters per layer and attention FLOPs per token come from {@link ShapeMetrics}' own methods (they do
 * not depend on the FFN fields the block varies); the FFN terms of the grid's simple layout (the first
 * {@code denseLayers} layers dense, then MoE every {@code moeLayerStep}-th layer ({@link ModelShape#moeLayerCount}),
 * the others dense) follow {@link ShapeMetrics}, operation for operation, with {@code n_moe} MoE layers:
 *
 * <pre>
 *   N_total  = L·attn + (L − n_moe)·3·d·d_ffn + n_moe·(3·d·E·d_expert + 3·d·E_s·d_shared + d·E)
 *   N_active = L·attn + (L − n_moe)·3·d·d_ffn + n_moe·(3·d·(k·d_expert + E_s·d_shared) + d·E)
 *   M        = 3·(2·N_active + attention FLOPs)        A = (k + s)/(E + s),  s = E_s·d_shared/d_expert
 * </pre>
 *
 * Every term is an integer far below 2^53, so the sums are exact and equal {@link ShapeMetrics}' to the last bit;
 * {@code GridCountsTest} checks that on every point of several grids, so a change of the counting rules in
 * {@code shape} that this class does not follow fails there.
 */
final class GridCounts {

    private final double dModel;
    private final double attention;
    private final double attentionFlops;
    private final int moeLayerStep;

    private GridCounts(double dModel, double attention, double attentionFlops, int moeLayerStep) {
        this.dModel = dModel;
        this.attention = attention;
        this.attentionFlops = attentionFlops;
        this.moeLayerStep = moeLayerStep;
    }

    /** The block of {@code shape}'s d_model and layers (any grid shape of the block). */
    static GridCounts of(ModelShape shape) {
        double flops = 0;
        for (int i = 0; i < shape.layers(); i++) {
            flops += ShapeMetrics.attentionFlopsPerToken(shape, i);
        }
        return new GridCounts(shape.dModel(), ShapeMetrics.attentionParams(shape), flops, shape.moeLayerStep());
    }

    /** {@link ShapeMetrics#totalParams()} of the MoE grid point. */
    double moeTotal(int layers, int denseLayers, int dExpert, int experts, int topK, int sharedExperts, int dShared,
                    int denseFfn) {
        int moe = moeLayers(layers, denseLayers);
        return withMoeLayers(nonMoe(layers, moe, denseFfn), moe, moeLayerTotal(dExpert, experts, sharedExperts, dShared));
    }

    /** {@link ShapeMetrics#activeParams()} of the MoE grid point. */
    double moeActive(int layers, int denseLayers, int dExpert, int experts, int topK, int sharedExperts, int dShared,
                     int denseFfn) {
        int moe = moeLayers(layers, denseLayers);
        return withMoeLayers(nonMoe(layers, moe, denseFfn), moe,
                moeLayerActive(dExpert, experts, topK, sharedExperts, dShared));
    }

    /** The MoE layers of a grid point with {@code denseLayers} dense first layers ({@link ModelShape#moeLayerCount}). */
    int moeLayers(int layers, int denseLayers) {
        return ModelShape.moeLayerCount(layers, denseLayers, moeLayerStep);
    }

    /**
     * The parameters outside the MoE layers' FFNs: {@code L·attn + (L − n_moe)·3·d·d_ffn}. With
     * {@link #moeLayerTotal} or {@link #moeLayerActive} and {@link #withMoeLayers} it gives {@link #moeTotal} and
     * {@link #moeActive} to the bit, so the hot loop can compute it once per dense-layer count.
     */
    double nonMoe(int layers, int moe, int denseFfn) {
        return layers * attention + (layers - moe) * ffn(layers == moe ? 0 : denseFfn);
    }

    /** One MoE layer's FFN parameters: {@code 3·d·E·d_expert + 3·d·E_s·d_shared + d·E} (router included). */
    double moeLayerTotal(int dExpert, int experts, int sharedExperts, int dShared) {
        double d = dModel;
        return 3.0 * d * (double) experts * dExpert + (3.0 * d * (double) sharedExperts * dShared + d * experts);
    }

    /** One MoE layer's active FFN parameters: {@code 3·d·(k·d_expert + E_s·d_shared) + d·E}. */
    double moeLayerActive(int dExpert, int experts, int topK, int sharedExperts, int dShared) {
        double d = dModel;
        double shared = (double) sharedExperts * dShared;
        return 3.0 * d * ((double) topK * dExpert + shared) + d * experts;
    }

    /** {@code nonMoe + n_moe · perMoeLayer}. */
    static double withMoeLayers(double nonMoe, int moe, double perMoeLayer) {
        return nonMoe + moe * perMoeLayer;
    }

    /** {@link ShapeMetrics#totalParams()} (= active) of the dense grid point. */
    double denseTotal(int layers, int dFfn) {
        return layers * attention + layers * ffn(dFfn);
    }

    /** {@link ShapeMetrics#flopsPerTokenTraining()} of a grid point of the block with {@code activeParams}. */
    double flopsPerTokenTraining(double activeParams) {
        return 3.0 * (2.0 * activeParams + attentionFlops);
    }

    /** {@link ShapeMetrics#activationRatioLing()}: {@code (k + s)/(E + s)}, {@code s = E_s·d_shared/d_expert}. */
    static double activationRatio(int sharedExperts, int dShared, int dExpert, int experts, int topK) {
        double sharedUnits = (double) sharedExperts * dShared / dExpert;
        return (topK + sharedUnits) / (experts + sharedUnits);
    }

    /** One dense (gated) FFN, {@code 3·d_model·d_ffn} ({@link ShapeMetrics#denseFfnParams}). */
    private double ffn(int dFfn) {
        return 3.0 * dModel * dFfn;
    }
}
