package dev.moeadvisor.service;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A data set without its runs.
 *
 * @param id          the slug
 * @param name        display name
 * @param description free text
 * @param citation    the source to cite, for bundled data
 * @param readOnly    bundled data sets are read-only
 * @param runCount    number of runs
 * @param metrics     the metrics its runs report
 * @param dataHash    SHA-256 of its runs' CSV form
 * @param createdAt   when it was stored
 */
public record DatasetSummary(String id, String name, String description, String citation, boolean readOnly,
                             int runCount, List<String> metrics, String dataHash, OffsetDateTime createdAt) {
}
