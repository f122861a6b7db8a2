package dev.moeadvisor.evidence;

import java.util.Set;

/** Whether a predictor saw a pair's runs when it was fitted: both, one of the two, or neither (held out). */
public enum Fitted {
    /** Both runs of the pair were in the predictor's fit. */
    FITTED("fitted"),
    /** One of the two runs was (typically the dense baseline). */
    PARTLY("partly fitted"),
    /** Neither: the pair is a held-out test of the predictor. */
    HELD_OUT("held out");

    private final String words;

    Fitted(String words) {
        this.words = words;
    }

    /** In words, for tables: "fitted", "partly fitted", "held out". */
    public String words() {
        return words;
    }

    /** The status of {@code pair} for a predictor fitted on the runs {@code fittedRunIds}. */
    public static Fitted of(MoeDensePair pair, Set<String> fittedRunIds) {
        boolean moe = fittedRunIds.contains(pair.moe().runId());
        boolean dense = fittedRunIds.contains(pair.dense().runId());
        return moe && dense ? FITTED : moe || dense ? PARTLY : HELD_OUT;
    }
}
