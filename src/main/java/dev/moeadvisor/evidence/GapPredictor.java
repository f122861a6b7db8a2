package dev.moeadvisor.evidence;

import java.util.Set;

/** A law family or a fit, asked what relative loss gap it predicts for a matched MoE-vs-dense pair. */
public interface GapPredictor {

    /** Stable id: the law's or the model's. */
    String id();

    /** Short name for tables and the chart legend. */
    String name();

    /** {@code "law"} (a published MoE law family) or {@code "fit"} (a loss model of the advisor: fitted or published). */
    String kind();

    /** The unit its losses are in. */
    String unit();

    /** The runs it was fitted on, by run id (empty: none of the bundled runs). */
    Set<String> fittedRunIds();

    /** Its prediction for both runs of the pair. */
    GapPrediction predict(MoeDensePair pair);
}
