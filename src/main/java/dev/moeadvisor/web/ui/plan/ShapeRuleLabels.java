package dev.moeadvisor.web.ui.plan;

import dev.moeadvisor.plan.AttentionKind;
import dev.moeadvisor.plan.PlanRequest;
import dev.moeadvisor.shape.ModelShape;
import io.quarkus.qute.TemplateExtension;

/**
 * How the plan pages name a request's shape rules and a shape's attention and MoE layout, as Qute extensions
 * ({@code {q.attentionLabel}}, {@code {s.attentionLabel}}, {@code {s.moeLayoutLabel}}).
 */
@TemplateExtension
public final class ShapeRuleLabels {

    private ShapeRuleLabels() {
    }

    /** {@code GQA, 4 query heads per KV head}, {@code MHA}, {@code MLA (DeepSeek-V2 ratios)}. */
    static String attentionLabel(PlanRequest q) {
        return switch (q.attention()) {
            case GQA -> q.headsPerKvHead() == 1 ? "GQA with 1 query head per KV head (= MHA)"
                    : "GQA, " + q.headsPerKvHead() + " query heads per KV head";
            case MHA -> "MHA (key/value heads = heads)";
            case MLA -> "MLA (DeepSeek-V2/V3 ratios)";
        };
    }

    /** {@code every layer after the dense first ones} or {@code every 2nd layer}. */
    static String moeLayerStepLabel(PlanRequest q) {
        return q.moeLayerStep() == 1 ? "every layer after the dense first ones" : "every " + ordinal(q.moeLayerStep())
                + " layer";
    }

    /** {@code d_expert (Ling)} or {@code k·d_expert (equal-resources paper)}. */
    static String sharedWidthLabel(PlanRequest q) {
        return q.sharedExpertTopKWide() ? "k·d_expert (equal-resources paper)" : "d_expert (Ling)";
    }

    /** A shape's attention: {@code GQA, 8 KV heads}, {@code MHA}, {@code MLA, KV latent 512, query latent 1536}. */
    static String attentionLabel(ModelShape s) {
        if (s.mla() != null) {
            return "MLA, KV latent " + s.mla().kvLoraRank()
                    + (s.mla().qLoraRank() > 0 ? ", query latent " + s.mla().qLoraRank() : ", no query latent");
        }
        return s.kvHeads() == s.heads() ? AttentionKind.MHA.name() : "GQA, " + s.kvHeads() + " KV heads";
    }

    /** A shape's MoE layers: {@code 22 of 24 (every layer after 2 dense)} or {@code 12 of 24 (every 2nd)}. */
    static String moeLayoutLabel(ModelShape s) {
        if (!s.isMoe()) {
            return "none (dense)";
        }
        String how = s.hasSimpleLayout() ? (s.denseLayers() == 0 ? "every layer" : "after " + s.denseLayers() + " dense")
                : s.moeLayerPattern() == null ? "every " + ordinal(s.moeLayerStep()) : "explicit pattern";
        return s.moeLayers() + " of " + s.layers() + " (" + how + ")";
    }

    private static String ordinal(int n) {
        return n + (n % 100 / 10 == 1 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        });
    }
}
