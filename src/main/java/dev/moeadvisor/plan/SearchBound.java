package dev.moeadvisor.plan;

import java.util.Arrays;

/**
 * The bounds of the search space a recommendation can sit on ({@link BoundProbe}), each with its stable id (the
 * request field, kept in JSON as {@link BoundCheck#bound()}) and the words a reader sees ({@link BoundCheck#label()}).
 * The one place that names a search bound for people: the rationale and the pages both read it.
 */
public enum SearchBound {
    MAX_EXPERTS("maxExperts", "largest expert count searched"),
    MIN_ACTIVATION_RATIO("minActivationRatio", "activation-ratio floor"),
    MAX_GRANULARITY("maxGranularity", "granularity ceiling"),
    MIN_GRANULARITY("minGranularity", "granularity floor"),
    MAX_TOP_K("maxTopK", "top-k ceiling"),
    MIN_TOP_K("minTopK", "top-k floor"),
    MAX_DENSE_LAYERS("maxDenseLayers", "most dense first layers"),
    MIN_DENSE_LAYERS("minDenseLayers", "fewest dense first layers"),
    MIN_ASPECT_RATIO("minAspectRatio", "aspect-ratio floor (d_model/L)"),
    MAX_ASPECT_RATIO("maxAspectRatio", "aspect-ratio ceiling (d_model/L)");

    private final String id;
    private final String label;

    SearchBound(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The request field of the bound, e.g. {@code maxExperts}. */
    public String id() {
        return id;
    }

    /** The bound in words, e.g. "largest expert count searched". */
    public String label() {
        return label;
    }

    /** The label of a bound id, or the id itself when no bound has it. */
    public static String labelOf(String id) {
        return Arrays.stream(values()).filter(b -> b.id.equals(id)).map(SearchBound::label).findFirst().orElse(id);
    }

    /** True when {@code id} names a search bound. */
    public static boolean isBound(String id) {
        return Arrays.stream(values()).anyMatch(b -> b.id.equals(id));
    }
}
