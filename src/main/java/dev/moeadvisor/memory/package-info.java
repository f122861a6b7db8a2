/**
 * Training memory per GPU and the parallel layouts that fit: model states after ZeRO (arXiv 1910.02054),
 * activations after Korthikanti et al. (arXiv 2205.05198), the dense/expert split of Megatron-LM's parallel groups,
 * and a bounded search over DP/TP/PP/EP/ETP for a GPU count and memory size. Plain Java, next to {@code budget}
 * (it imports only {@code shape}).
 */
package dev.moeadvisor.memory;
