package dev.moeadvisor.law.family;

/**
 * An axis on which a law was fitted. Each law reads the axis in its own convention (what its {@code N} counts, its
 * definition of granularity or expert count), stated by {@link MoeLawFamily#axisMeanings()}.
 */
public enum Axis {
    /** Training compute, FLOPs, under the law's own FLOP model. */
    COMPUTE("computeFlops", "compute"),
    /** Parameters, as the law counts them (total or active, with or without embeddings). */
    PARAMS("params", "parameters"),
    /** Training tokens. */
    TOKENS("tokens", "training tokens"),
    /** Expert count or expansion rate, as the law defines it. */
    EXPERTS("experts", "expert count E"),
    /** Routed experts per token. */
    TOP_K("topK", "routed experts per token k"),
    /** Granularity, as the law defines it. */
    GRANULARITY("granularity", "granularity G"),
    /** Ling's activation ratio {@code A = (k + s)/(E + s)}. */
    ACTIVATION("activationRatio", "activation ratio A");

    private final String key;
    private final String noun;

    Axis(String key, String noun) {
        this.key = key;
        this.noun = noun;
    }

    /**
     * The axis in human words, for sentences ("compute", "granularity G"); a law whose convention differs names it
     * itself ({@link MoeLawFamily#axisName}).
     */
    public String noun() {
        return noun;
    }

    /** The name used in JSON and on pages. */
    public String key() {
        return key;
    }
}
