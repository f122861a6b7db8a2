package dev.moeadvisor.shape.config;

import dev.moeadvisor.shape.MlaAttention;
import dev.moeadvisor.shape.ModelShape;

import java.util.List;

/**
 * The DeepSeek layout (DeepSeek-V2, arXiv 2405.04434; DeepSeek-V3, arXiv 2412.19437) and the model types that copy
 * it: the first {@code first_k_dense_replace} layers dense (width {@code intermediate_size}), then an MoE layer where
 * {@code i % moe_layer_freq == 0}, with routed experts and always-active shared experts all of width
 * {@code moe_intermediate_size}, and {@code num_nextn_predict_layers} MTP modules. {@code deepseek_v2},
 * {@code deepseek_v3} and {@code kimi_k2} (Kimi-K2, Moonlight) use multi-head latent attention ({@code q_lora_rank}
 * (null = none), {@code kv_lora_rank}, {@code qk_nope_head_dim}, {@code qk_rope_head_dim}, {@code v_head_dim});
 * {@code glm4_moe} (GLM-4.5), {@code dots1} and {@code bailing_moe} (Ling, whose keys are {@code num_experts} and
 * {@code num_shared_experts}) use GQA.
 */
final class DeepSeekMapper implements ModelTypeMapper {

    private final List<String> types;
    private final boolean mla;
    private final String expertsKey;
    private final String sharedKey;

    private DeepSeekMapper(List<String> types, boolean mla, String expertsKey, String sharedKey) {
        this.types = types;
        this.mla = mla;
        this.expertsKey = expertsKey;
        this.sharedKey = sharedKey;
    }

    static DeepSeekMapper latent() {
        return new DeepSeekMapper(List.of("deepseek_v2", "deepseek_v3", "kimi_k2"), true, "n_routed_experts",
                "n_shared_experts");
    }

    static DeepSeekMapper grouped() {
        return new DeepSeekMapper(List.of("glm4_moe", "dots1"), false, "n_routed_experts", "n_shared_experts");
    }

    static DeepSeekMapper bailing() {
        return new DeepSeekMapper(List.of("bailing_moe"), false, "num_experts", "num_shared_experts");
    }

    @Override
    public List<String> modelTypes() {
        return types;
    }

    @Override
    public ModelShape.Builder read(HfConfig c) {
        ModelShape.Builder b = Backbone.read(c);
        int layers = c.requiredInt("num_hidden_layers");
        if (mla) {
            b.mla(new MlaAttention(c.optInt("q_lora_rank", 0), c.requiredInt("kv_lora_rank"),
                    c.requiredInt("qk_nope_head_dim"), c.requiredInt("qk_rope_head_dim"), c.requiredInt("v_head_dim")));
        }
        b.mtpModules(c.optInt("num_nextn_predict_layers", 0));
        if (!c.has(expertsKey)) {
            c.raw(expertsKey);
            return b.denseLayers(layers).dFfn(c.requiredInt("intermediate_size"));
        }
        Backbone.routed(c, b, expertsKey, "num_experts_per_tok");
        b.dExpert(c.requiredInt("moe_intermediate_size"));
        int shared = c.optInt(sharedKey, 0);
        if (shared > 0) {
            b.sharedExperts(shared).dShared(c.requiredInt("moe_intermediate_size"));
        }
        int firstDense = c.optInt("first_k_dense_replace", 0);
        int freq = c.optInt("moe_layer_freq", 1);
        if (freq < 1) {
            throw ConfigImportException.invalid(c.name("moe_layer_freq"), "must be positive");
        }
        if (firstDense < 0 || firstDense > layers) {
            throw ConfigImportException.invalid(c.name("first_k_dense_replace"),
                    "must be between 0 and num_hidden_layers (" + layers + ")");
        }
        if (freq > 1) {
            b.moeLayerPattern(Backbone.pattern(layers, i -> i >= firstDense && i % freq == 0));
        } else {
            b.denseLayers(firstDense);
        }
        if (firstDense > 0 || freq > 1) {
            b.dFfn(c.requiredInt("intermediate_size"));
        }
        return b;
    }
}
