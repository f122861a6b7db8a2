package dev.moeadvisor.shape;

import java.util.Arrays;
import java.util.List;

/**
 * Which embedding matrices a published parameter count includes. Model cards differ: DeepSeek-V3 (arXiv 2412.19437)
 * and Mixtral count both the input embedding and the unembedding (output head) in "activated" parameters;
 * gpt-oss's model card counts the unembedding only ("5.13B active"); Ling and the equal-resources paper
 * (arXiv 2506.12119) quote non-embedding counts. The advisor's {@code N} is always non-embedding.
 */
public enum CountConvention {
    NON_EMBEDDING("non-embedding", "non-embedding"),
    WITH_UNEMBEDDING("with-unembedding", "with the unembedding (output head) only"),
    WITH_EMBEDDINGS("with-embeddings", "with the input embedding and the unembedding");

    private final String id;
    private final String label;

    CountConvention(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The id used in JSON ({@code non-embedding}, {@code with-unembedding}, {@code with-embeddings}). */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static CountConvention fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown count convention " + id + "; one of " + ids()));
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(CountConvention::id).toList();
    }
}
