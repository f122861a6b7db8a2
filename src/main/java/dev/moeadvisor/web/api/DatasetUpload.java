package dev.moeadvisor.web.api;

import dev.moeadvisor.runs.RunInput;

import java.util.List;

/** {@code POST /api/v1/datasets} as JSON: a name, an optional description, and the runs (camelCase fields). */
public record DatasetUpload(String name, String description, List<RunInput> runs) {
}
