package dev.moeadvisor.shape.config;

import dev.moeadvisor.shape.ModelShape;

import java.util.List;

/**
 * Hunyuan MoE ({@code hunyuan_v1_moe}, e.g. Hunyuan-A13B): {@code num_experts} routed experts of width
 * {@code moe_intermediate_size}, {@code moe_topk} per token, and a shared MLP of {@code num_shared_expert} ×
 * {@code intermediate_size}; the config may give per-layer lists, which must then be uniform. Every layer is MoE.
 */
final class HunyuanMoeMapper implements ModelTypeMapper {

    @Override
    public List<String> modelTypes() {
        return List.of("hunyuan_v1_moe");
    }

    @Override
    public ModelShape.Builder read(HfConfig c) {
        ModelShape.Builder b = Backbone.read(c);
        if (!c.has("head_dim") && c.has("attention_head_dim")) {
            b.headDim(c.optInt("attention_head_dim"));
        }
        int experts = c.requiredInt("num_experts");
        Integer topK = c.optUniformInt("moe_topk");
        if (topK == null) {
            throw ConfigImportException.invalid(c.name("moe_topk"), "is required");
        }
        if (topK > experts) {
            throw ConfigImportException.invalid(c.name("moe_topk"), "must not exceed num_experts (" + experts + ")");
        }
        Integer width = c.optUniformInt("moe_intermediate_size");
        b.experts(experts).topK(topK).dExpert(width != null ? width : c.requiredInt("intermediate_size"));
        Integer shared = c.optUniformInt("num_shared_expert");
        if (shared != null && shared > 0) {
            b.sharedExperts(shared).dShared(c.requiredInt("intermediate_size"));
        }
        return b;
    }
}
