package dev.moeadvisor.law;

/**
 * A recommended peak learning rate and batch size (in tokens), with the law that produced them.
 *
 * @param lawId        e.g. {@code ling-2025-hparams}
 * @param learningRate peak learning rate
 * @param batchTokens  batch size in tokens
 * @param extrapolated true when the inputs lie outside the law's fitted range
 * @param citation     source
 */
public record HyperParameters(String lawId, double learningRate, double batchTokens, boolean extrapolated,
                              Citation citation) {
}
