package dev.moeadvisor.shape.config;

/**
 * Training settings written next to a shape in framework arguments, each null when unknown.
 *
 * @param learningRate    peak learning rate
 * @param globalBatchSize sequences per optimizer step
 * @param trainIters      optimizer steps
 */
public record TrainingSettings(Double learningRate, Long globalBatchSize, Long trainIters) {

    public static final TrainingSettings NONE = new TrainingSettings(null, null, null);

    /**
     * From a token budget: batch {@code B = round(batchTokens / S)} sequences (at least 1), steps
     * {@code ceil(tokens / (B·S))}.
     */
    public static TrainingSettings of(double learningRate, double batchTokens, double tokens, int seqLen) {
        long batch = Math.max(1, Math.round(batchTokens / seqLen));
        long steps = (long) Math.ceil(tokens / ((double) batch * seqLen));
        return new TrainingSettings(learningRate, batch, steps);
    }
}
