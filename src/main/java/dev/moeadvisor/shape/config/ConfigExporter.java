package dev.moeadvisor.shape.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moeadvisor.shape.ModelShape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Writes a {@link ModelShape} in the formats training frameworks read: a Hugging Face {@code config.json} of a
 * {@code model_type} that can express it, Megatron-LM arguments, and a torchtitan job TOML. {@link ConfigImporter}
 * reads the Hugging Face form back to the same counts.
 */
public final class ConfigExporter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConfigExporter() {
    }

    /**
     * The model type chosen for a shape: {@code deepseek_v3} with MLA; {@code gpt_oss} with sliding-window layers
     * (every layer MoE, no shared expert); {@code glm4_moe} with MTP modules (dense first layers only, shared experts
     * of the routed width); {@code qwen2_moe} with shared experts (one of the total shared width), {@code qwen3_moe}
     * without, both expressing any layer pattern through {@code mlp_only_layers}; {@code llama} for a dense model.
     *
     * @throws IllegalArgumentException naming what no supported model type can express
     */
    public static String hfModelType(ModelShape s) {
        if (s.mla() != null) {
            requireSharedInRoutedUnits(s, "deepseek_v3");
            require(s.hasSimpleLayout() || !s.isMoe(), "deepseek_v3 writes dense first layers only, not an interleaved pattern");
            require(s.slidingWindow() == 0, "deepseek_v3 has no sliding-window attention");
            return "deepseek_v3";
        }
        if (!s.isMoe()) {
            require(s.slidingWindow() == 0, "the dense export (llama) has no sliding-window attention");
            require(s.mtpModules() == 0, "the dense export (llama) has no MTP modules");
            return "llama";
        }
        if (s.slidingWindow() > 0) {
            require(s.moeLayers() == s.layers() && s.sharedExperts() == 0 && s.mtpModules() == 0,
                    "gpt_oss (the model type with per-layer sliding windows) needs every layer MoE, no shared expert, no MTP");
            return "gpt_oss";
        }
        if (s.mtpModules() > 0) {
            require(s.hasSimpleLayout(), "glm4_moe (the GQA model type with MTP) writes dense first layers only");
            requireSharedInRoutedUnits(s, "glm4_moe");
            return "glm4_moe";
        }
        return s.sharedExperts() > 0 ? "qwen2_moe" : "qwen3_moe";
    }

    /** A Hugging Face {@code config.json}; the sequence length is written as {@code max_position_embeddings}. */
    public static ObjectNode hfConfig(ModelShape s) {
        String type = hfModelType(s);
        ObjectNode c = MAPPER.createObjectNode();
        c.putArray("architectures").add(switch (type) {
            case "deepseek_v3" -> "DeepseekV3ForCausalLM";
            case "llama" -> "LlamaForCausalLM";
            case "gpt_oss" -> "GptOssForCausalLM";
            case "glm4_moe" -> "Glm4MoeForCausalLM";
            case "qwen2_moe" -> "Qwen2MoeForCausalLM";
            default -> "Qwen3MoeForCausalLM";
        });
        c.put("model_type", type);
        c.put("vocab_size", s.vocabSize());
        c.put("hidden_size", s.dModel());
        c.put("num_hidden_layers", s.layers());
        c.put("num_attention_heads", s.heads());
        c.put("num_key_value_heads", s.kvHeads());
        c.put("head_dim", s.headDim());
        c.put("max_position_embeddings", s.seqLen());
        c.put("tie_word_embeddings", s.tiedEmbeddings());
        c.put("hidden_act", "silu");
        switch (type) {
            case "llama" -> c.put("intermediate_size", s.dFfn());
            case "deepseek_v3", "glm4_moe" -> {
                if (s.mla() != null) {
                    if (s.mla().qLoraRank() > 0) {
                        c.put("q_lora_rank", s.mla().qLoraRank());
                    } else {
                        c.putNull("q_lora_rank");
                    }
                    c.put("kv_lora_rank", s.mla().kvLoraRank());
                    c.put("qk_nope_head_dim", s.mla().qkNopeHeadDim());
                    c.put("qk_rope_head_dim", s.mla().qkRopeHeadDim());
                    c.put("v_head_dim", s.mla().vHeadDim());
                    c.remove("head_dim");
                }
                if (s.isMoe()) {
                    c.put("n_routed_experts", s.experts());
                    c.put("num_experts_per_tok", s.topK());
                    c.put("moe_intermediate_size", s.dExpert());
                    c.put("n_shared_experts", sharedInRoutedUnits(s));
                    c.put("first_k_dense_replace", s.denseLayers());
                    c.put("moe_layer_freq", 1);
                }
                c.put("intermediate_size", s.dFfn());
                c.put("num_nextn_predict_layers", s.mtpModules());
            }
            case "gpt_oss" -> {
                c.put("num_local_experts", s.experts());
                c.put("num_experts_per_tok", s.topK());
                c.put("intermediate_size", s.dExpert());
                c.put("sliding_window", s.slidingWindow());
                ArrayNode types = c.putArray("layer_types");
                IntStream.range(0, s.layers()).forEach(i ->
                        types.add(s.isSlidingWindowLayer(i) ? "sliding_attention" : "full_attention"));
                c.put("initial_context_length", s.seqLen());
            }
            default -> {
                c.put("num_experts", s.experts());
                c.put("num_experts_per_tok", s.topK());
                c.put("moe_intermediate_size", s.dExpert());
                if (s.sharedExperts() > 0) {
                    c.put("shared_expert_intermediate_size", s.sharedExperts() * s.dShared());
                }
                c.put("decoder_sparse_step", 1);
                ArrayNode dense = c.putArray("mlp_only_layers");
                IntStream.range(0, s.layers()).filter(i -> !s.isMoeLayer(i)).forEach(dense::add);
                c.put("intermediate_size", s.dFfn() > 0 ? s.dFfn() : s.dExpert());
            }
        }
        return c;
    }

    /**
     * Megatron-LM arguments (names as in Megatron-LM's {@code arguments.py}): the model, the MoE layer pattern as a
     * {@code --moe-layer-freq} list, MLA and MTP flags, and the training settings that are known.
     *
     * @throws IllegalArgumentException for a sliding-window shape (not written: Megatron's window flags apply to all
     *                                  layers at once)
     */
    public static List<String> megatronArgs(ModelShape s, TrainingSettings t) {
        require(s.slidingWindow() == 0, "the Megatron export does not write per-layer sliding windows");
        List<String> a = new ArrayList<>();
        arg(a, "--num-layers", s.layers());
        arg(a, "--hidden-size", s.dModel());
        arg(a, "--num-attention-heads", s.heads());
        arg(a, "--ffn-hidden-size", s.dFfn() > 0 ? s.dFfn() : s.dExpert());
        arg(a, "--seq-length", s.seqLen());
        arg(a, "--max-position-embeddings", s.seqLen());
        arg(a, "--vocab-size", s.vocabSize());
        a.add("--swiglu");
        a.add("--disable-bias-linear");
        a.add("--normalization RMSNorm");
        a.add("--position-embedding-type rope");
        if (!s.tiedEmbeddings()) {
            a.add("--untie-embeddings-and-output-weights");
        }
        if (s.mla() != null) {
            a.add("--multi-latent-attention");
            if (s.mla().qLoraRank() > 0) {
                arg(a, "--q-lora-rank", s.mla().qLoraRank());
            }
            arg(a, "--kv-lora-rank", s.mla().kvLoraRank());
            arg(a, "--qk-head-dim", s.mla().qkNopeHeadDim());
            arg(a, "--qk-pos-emb-head-dim", s.mla().qkRopeHeadDim());
            arg(a, "--v-head-dim", s.mla().vHeadDim());
        } else {
            arg(a, "--kv-channels", s.headDim());
            if (s.kvHeads() < s.heads()) {
                a.add("--group-query-attention");
                arg(a, "--num-query-groups", s.kvHeads());
            }
        }
        if (s.isMoe()) {
            arg(a, "--num-experts", s.experts());
            arg(a, "--moe-router-topk", s.topK());
            arg(a, "--moe-ffn-hidden-size", s.dExpert());
            if (s.sharedExperts() > 0) {
                arg(a, "--moe-shared-expert-intermediate-size", s.sharedExperts() * s.dShared());
            }
            a.add("--moe-layer-freq '" + layerFreq(s) + "'");
            a.add("--moe-grouped-gemm");
        }
        if (s.mtpModules() > 0) {
            arg(a, "--mtp-num-layers", s.mtpModules());
        }
        if (t.learningRate() != null) {
            a.add("--lr " + String.format(Locale.ROOT, "%.3e", t.learningRate()));
        }
        if (t.globalBatchSize() != null) {
            a.add("--global-batch-size " + t.globalBatchSize());
        }
        if (t.trainIters() != null) {
            a.add("--train-iters " + t.trainIters());
        }
        return a;
    }

    /** Megatron's {@code --moe-layer-freq} list form: {@code ([0]*3+[1]*58)} or an explicit per-layer list. */
    static String layerFreq(ModelShape s) {
        if (s.hasSimpleLayout()) {
            return s.denseLayers() == 0 ? "([1]*" + s.layers() + ")"
                    : "([0]*" + s.denseLayers() + "+[1]*" + (s.layers() - s.denseLayers()) + ")";
        }
        return IntStream.range(0, s.layers()).mapToObj(i -> s.isMoeLayer(i) ? "1" : "0")
                .collect(Collectors.joining(",", "[", "]"));
    }

    /**
     * A torchtitan job TOML ({@code [model]}, {@code [training]}, {@code [optimizer]} sections). torchtitan defines
     * architectures in Python model-args flavors, so the shape is written as a comment block of the model-args values
     * to register as flavor {@code moe_advisor}; the TOML selects that flavor.
     */
    public static String torchtitanToml(ModelShape s, TrainingSettings t) {
        String model = s.mla() != null ? "deepseek_v3" : s.isMoe() ? "qwen3" : "llama3";
        StringBuilder b = new StringBuilder();
        b.append("# torchtitan job config written by MoE Advisor. Register these model args as flavor \"moe_advisor\"\n");
        b.append("# of ").append(model).append(" before running:\n");
        b.append("#   vocab_size=").append(s.vocabSize()).append(", dim=").append(s.dModel()).append(", n_layers=")
                .append(s.layers()).append(", n_heads=").append(s.heads()).append(", n_kv_heads=").append(s.kvHeads())
                .append(", head_dim=").append(s.headDim()).append('\n');
        if (s.isMoe()) {
            b.append("#   n_dense_layers=").append(s.denseFfnLayers()).append(", inter_dim=").append(s.dFfn())
                    .append(", moe_inter_dim=").append(s.dExpert()).append(", n_routed_experts=").append(s.experts())
                    .append(", n_activated_experts=").append(s.topK()).append(", n_shared_experts=")
                    .append(s.sharedExperts()).append(", shared width=").append(s.dShared()).append('\n');
            if (!s.hasSimpleLayout()) {
                b.append("#   MoE layers (1 = MoE): ").append(layerFreq(s)).append('\n');
            }
        } else {
            b.append("#   ffn_dim=").append(s.dFfn()).append('\n');
        }
        if (s.mla() != null) {
            b.append("#   q_lora_rank=").append(s.mla().qLoraRank()).append(", kv_lora_rank=").append(s.mla().kvLoraRank())
                    .append(", qk_nope_head_dim=").append(s.mla().qkNopeHeadDim()).append(", qk_rope_head_dim=")
                    .append(s.mla().qkRopeHeadDim()).append(", v_head_dim=").append(s.mla().vHeadDim()).append('\n');
        }
        if (s.mtpModules() > 0) {
            b.append("#   MTP modules: ").append(s.mtpModules()).append('\n');
        }
        if (s.slidingWindow() > 0) {
            b.append("#   sliding window ").append(s.slidingWindow()).append(" on layers ")
                    .append(IntStream.range(0, s.layers()).filter(s::isSlidingWindowLayer).boxed().toList()).append('\n');
        }
        b.append("\n[model]\nname = \"").append(model).append("\"\nflavor = \"moe_advisor\"\n");
        b.append("\n[training]\nseq_len = ").append(s.seqLen()).append('\n');
        if (t.globalBatchSize() != null) {
            b.append("global_batch_size = ").append(t.globalBatchSize()).append('\n');
        }
        if (t.trainIters() != null) {
            b.append("steps = ").append(t.trainIters()).append('\n');
        }
        b.append("\n[optimizer]\nname = \"AdamW\"\n");
        if (t.learningRate() != null) {
            b.append("lr = ").append(String.format(Locale.ROOT, "%.3e", t.learningRate())).append('\n');
        }
        return b.toString();
    }

    private static int sharedInRoutedUnits(ModelShape s) {
        return s.sharedExperts() == 0 ? 0 : (int) ((long) s.sharedExperts() * s.dShared() / s.dExpert());
    }

    private static void requireSharedInRoutedUnits(ModelShape s, String type) {
        require(s.sharedExperts() == 0 || ((long) s.sharedExperts() * s.dShared()) % s.dExpert() == 0,
                type + " writes shared experts in units of the routed width: E_s·d_shared must be a multiple of d_expert");
    }

    private static void arg(List<String> a, String name, int value) {
        a.add(name + " " + value);
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException(what);
        }
    }
}
