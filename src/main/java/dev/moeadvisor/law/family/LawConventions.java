package dev.moeadvisor.law.family;

/**
 * What a law's variables mean in its paper, and how the advisor converts a shape to them.
 *
 * @param params      what its {@code N} counts (total or active, with or without embeddings)
 * @param experts     its expert count or expansion rate, and granularity
 * @param flops       its FLOP model (tokens of a shape at a compute follow from it)
 * @param loss        its loss: unit, corpus, tokenizer
 * @param denseLaw    the dense law its EL is measured against, and that law's FLOP model
 */
public record LawConventions(String params, String experts, String flops, String loss, String denseLaw) {
}
