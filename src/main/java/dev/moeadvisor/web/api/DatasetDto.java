package dev.moeadvisor.web.api;

import dev.moeadvisor.runs.RunInput;
import dev.moeadvisor.service.DatasetSummary;

import java.time.OffsetDateTime;
import java.util.List;

/** A data set, with its runs when one data set is asked for. */
public record DatasetDto(String id, String name, String description, String citation, boolean readOnly, int runCount,
                         List<String> metrics, String dataHash, OffsetDateTime createdAt, String csvUrl,
                         List<RunInput> runs) {

    public static DatasetDto of(DatasetSummary s, List<RunInput> runs) {
        return new DatasetDto(s.id(), s.name(), s.description(), s.citation(), s.readOnly(), s.runCount(),
                s.metrics(), s.dataHash(), s.createdAt(), "/api/v1/datasets/" + s.id() + "/runs.csv", runs);
    }
}
