package dev.moeadvisor.evidence;

import dev.moeadvisor.runs.TrainingRun;

import java.util.List;

/**
 * One bundled, independent source of MoE-vs-dense runs.
 *
 * @param slug     its data set's id
 * @param name     its name
 * @param citation the paper and table
 * @param runs     its runs, as bundled
 */
public record EvidenceSource(String slug, String name, String citation, List<TrainingRun> runs) {

    public EvidenceSource {
        runs = List.copyOf(runs);
    }

    /** Its matched MoE-vs-dense pairs ({@link MoeDensePair#of}). */
    public List<MoeDensePair> pairs() {
        return MoeDensePair.of(slug, runs);
    }
}
