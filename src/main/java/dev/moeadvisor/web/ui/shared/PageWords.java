package dev.moeadvisor.web.ui.shared;

import dev.moeadvisor.plan.SearchBound;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a page shows for a message written for the JSON API: field ids ({@code computeFlops},
 * {@code gpuBudget.count}, {@code minAspectRatio}) become what a reader sees on the form ("the compute budget",
 * "the GPU count", "the aspect-ratio floor (d_model/L)"), a parenthesised id is dropped ("a GPU preset (gpu)" →
 * "a GPU preset"), and Bean Validation's "must not be null" becomes "required". The API's problem details keep the
 * ids; only pages ({@link FormErrors}) pass through here. Search bounds are named by {@link SearchBound}, the one
 * place that labels them.
 */
public final class PageWords {

    private static final Map<String, String> FIELDS = fields();
    /** Ids too plain to replace in running text, dropped only where a message puts them in parentheses. */
    private static final java.util.Set<String> PARENTHESISED_ONLY = java.util.Set.of("gpu", "tokens", "model");
    private static final Pattern ID = Pattern.compile("(\\s*\\()?\\b([a-z][a-zA-Z]*(?:\\.[a-z][a-zA-Z]*)?)\\b(\\))?");

    private PageWords() {
    }

    private static Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("computeFlops", "the compute budget");
        m.put("gpuBudget", "a GPU budget");
        m.put("gpuBudget.count", "the GPU count");
        m.put("gpuBudget.hours", "the GPU hours");
        m.put("gpuBudget.mfu", "the MFU");
        m.put("gpuBudget.gpu", "the GPU preset");
        m.put("gpuBudget.peakFlops", "the peak FLOP/s per GPU");
        m.put("gpuBudget.memoryGb", "the memory per GPU");
        m.put("gpuBudget.pricePerGpuHour", "the price per GPU hour");
        m.put("memoryGb", "the memory per GPU");
        m.put("peakFlops", "the peak FLOP/s per GPU");
        m.put("uniqueTokens", "the unique tokens");
        m.put("maxTotalParams", "the memory cap");
        m.put("fixedTotalParams", "the fixed total size");
        m.put("fixedTotalParamsTolerance", "the fixed size's tolerance");
        m.put("maxEpochs", "the epoch limit");
        m.put("expertParallelDegree", "the expert-parallel degree");
        m.put("dModelMultiple", "the d_model multiple");
        m.put("dExpertMultiple", "the d_expert multiple");
        m.put("vocabSize", "the vocabulary V");
        m.put("seqLen", "the sequence length");
        m.put("dModel", "d_model");
        m.put("dFfn", "d_ffn");
        m.put("dExpert", "d_expert");
        m.put("dShared", "d_shared");
        m.put("topK", "top-k");
        m.put("kvHeads", "the key/value heads");
        m.put("headDim", "the head width");
        m.put("denseLayers", "the dense first layers");
        m.put("sharedExperts", "the shared experts");
        for (SearchBound b : SearchBound.values()) {
            m.put(b.id(), "the " + b.label());
        }
        return Map.copyOf(m);
    }

    /** {@code message} in a page's words. */
    public static String of(String message) {
        if (message == null) {
            return null;
        }
        String text = message.replace("must not be null", "required");
        Matcher m = ID.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String words = FIELDS.get(m.group(2));
            boolean parenthesised = m.group(1) != null && m.group(3) != null;
            String replacement;
            if (parenthesised && (words != null || PARENTHESISED_ONLY.contains(m.group(2)))) {
                replacement = "";
            } else if (words == null) {
                replacement = m.group();
            } else {
                replacement = (m.group(1) == null ? "" : m.group(1)) + words + (m.group(3) == null ? "" : m.group(3));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
