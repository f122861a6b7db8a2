package dev.moeadvisor.memory;

/**
 * Activation recomputation (Korthikanti et al., arXiv 2205.05198, §4–5): {@code NONE} stores every activation;
 * {@code SELECTIVE} recomputes the attention core (scores, softmax, dropout, weighted values) and so drops the
 * {@code 5·a·s²·b} term; {@code FULL} stores only each layer's input, {@code 2·s·b·h} bytes, and recomputes the
 * layer in the backward pass.
 */
public enum Recompute {
    NONE,
    SELECTIVE,
    FULL
}
