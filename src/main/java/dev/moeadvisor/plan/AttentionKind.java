package dev.moeadvisor.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The attention the planner builds its shapes with.
 *
 * <ul>
 *   <li>{@link #MHA}: multi-head attention, key/value heads = heads (the runs of arXiv 2506.12119);</li>
 *   <li>{@link #GQA}: grouped-query attention (Ainslie et al., arXiv 2305.13245), {@code heads/headsPerKvHead}
 *       key/value heads;</li>
 *   <li>{@link #MLA}: multi-head latent attention (DeepSeek-V2, arXiv 2405.04434, §2.1), its dimensions in
 *       DeepSeek-V2/V3's ratios to the head size (see {@code SearchSpace}).</li>
 * </ul>
 */
public enum AttentionKind {
    MHA, GQA, MLA;

    /** The lower-case name requests, forms and exports use: {@code mha}, {@code gqa}, {@code mla}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code mha|gqa|mla} (any case); anything else throws a {@link PlanRequestException} naming the field. */
    public static AttentionKind parse(String text) {
        String t = text == null ? "" : text.trim();
        return Arrays.stream(values()).filter(k -> k.id().equalsIgnoreCase(t)).findFirst()
                .orElseThrow(() -> new PlanRequestException("attention", "must be one of "
                        + Arrays.stream(values()).map(AttentionKind::id).collect(Collectors.joining(", "))
                        + ", got '" + t + "'"));
    }
}
