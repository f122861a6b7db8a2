package dev.moeadvisor.web.ui.shared;

/**
 * One text input as the page shows it.
 *
 * @param name  form parameter name (the input's id is {@code f-<name>})
 * @param label label text
 * @param hint  a note on defaults, or empty
 * @param value the user's text, shown back unchanged
 * @param error the message to show next to the input, or {@code null}
 */
public record FieldView(String name, String label, String hint, String value, String error) {

    /** Inputs that take words or lists, not one number: a phone shows them the full keyboard. */
    private static final java.util.Set<String> TEXT = java.util.Set.of("name", "description", "runIds", "tables",
            "joint");

    /**
     * The on-screen keyboard the input asks for ({@code inputmode}): {@code text} for names, run ids and lists of
     * tables; {@code decimal} for numbers; never {@code decimal} for numbers typed as {@code 1e23} or {@code 10T},
     * which need letters: those are {@code text} too.
     */
    public String inputMode() {
        return TEXT.contains(name) || NUMBERS_WITH_LETTERS.contains(name) ? "text" : "decimal";
    }

    /** Numbers usually written as {@code 1e23}, {@code 10T}, {@code 300B} or {@code 35%}: they need letters. */
    private static final java.util.Set<String> NUMBERS_WITH_LETTERS = java.util.Set.of("computeFlops", "tokens",
            "uniqueTokens", "maxTotalParams", "fixedTotalParams", "peakFlops", "mfu", "fixedTotalParamsTolerance",
            "vocabSize", "seqLen", "gpuCount");

    public boolean invalid() {
        return error != null;
    }

    public String id() {
        return "f-" + name;
    }
}
