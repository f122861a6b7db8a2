package dev.moeadvisor.shape.config;

import dev.moeadvisor.shape.ModelShape;

import java.util.List;

/**
 * DBRX ({@code dbrx}, Databricks): its own key names ({@code d_model}, {@code n_heads}, {@code n_layers},
 * {@code attn_config.kv_n_heads}, {@code ffn_config.moe_num_experts}, {@code ffn_config.moe_top_k},
 * {@code ffn_config.ffn_hidden_size}); every layer MoE; pre-training length {@code max_seq_len}.
 */
final class DbrxMapper implements ModelTypeMapper {

    @Override
    public List<String> modelTypes() {
        return List.of("dbrx");
    }

    @Override
    public ModelShape.Builder read(HfConfig c) {
        ModelShape.Builder b = ModelShape.builder().vocabSize(c.requiredInt("vocab_size"))
                .layers(Backbone.layers(c, "n_layers")).dModel(c.requiredInt("d_model")).heads(c.requiredInt("n_heads"))
                .tiedEmbeddings(c.optBool("tie_word_embeddings", false));
        HfConfig attn = c.child("attn_config");
        b.kvHeads(attn.optInt("kv_n_heads"));
        HfConfig ffn = c.child("ffn_config");
        Backbone.routed(ffn, b, "moe_num_experts", "moe_top_k");
        return b.dExpert(ffn.requiredInt("ffn_hidden_size"));
    }

    @Override
    public Integer statedSeqLen(HfConfig c) {
        return c.optInt("max_seq_len");
    }
}
