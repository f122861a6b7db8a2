package dev.moeadvisor.runs;

import java.util.Optional;

/** Whether a run trained a dense model or a Mixture-of-Experts model; the CSV spells it {@code dense} / {@code moe}. */
public enum RunKind {
    DENSE("dense"),
    MOE("moe");

    private final String label;

    RunKind(String label) {
        this.label = label;
    }

    /** The CSV and JSON spelling. */
    public String label() {
        return label;
    }

    public static Optional<RunKind> fromLabel(String text) {
        for (RunKind k : values()) {
            if (k.label.equals(text)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
