package dev.moeadvisor.law.family;

/**
 * An axis on which a law was fitted. Each law reads the axis in its own convention (what its {@code N} counts, its
 * definition of granularity or expert count), stated by {@link MoeLawFamily#axisMeanings()}.
 */
public enum Axis {
    /** Training compute, FLOPs, under the law's own FLOP model. */
    COMPUTE("computeFlops"),
    /** Parameters, as the law counts them (total or active, with or without embeddings). */
    PARAMS("params"),
    /** Training tokens. */
    TOKENS("tokens"),
    /** Expert count or expansion rate, as the law defines it. */
    EXPERTS("experts"),
    /** Routed experts per token. */
    TOP_K("topK"),
    /** Granularity, as the law defines it. */
    GRANULARITY("granularity"),
    /** Ling's activation ratio {@code A = (k + s)/(E + s)}. */
    ACTIVATION("activationRatio");

    private final String key;

    Axis(String key) {
        this.key = key;
    }

    /** The name used in JSON and on pages. */
    public String key() {
        return key;
    }
}
