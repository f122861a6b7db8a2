/**
 * A transformer's shape and what follows from it: parameters, FLOPs per token, the three activation ratios
 * ({@code A} of Ling arXiv 2507.17702, {@code k/E}, and {@code r_a} of arXiv 2506.12119) and granularity.
 * Attention is MHA/GQA or multi-head latent attention ({@link dev.moeadvisor.shape.MlaAttention}, arXiv 2405.04434);
 * MoE layers follow dense first layers, a step, or an explicit pattern; MTP modules (arXiv 2412.19437) and embeddings
 * are counted apart; {@link dev.moeadvisor.shape.CountConvention} names the three ways model cards count "active".
 * Sub-package {@code config} reads and writes Hugging Face {@code config.json}, Megatron-LM and torchtitan forms.
 * Plain Java: no framework imports.
 */
package dev.moeadvisor.shape;
