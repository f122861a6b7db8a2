package dev.moeadvisor.service;

import java.util.List;

/** A data set cannot be deleted while a fit of it runs: cancel the fit first, or wait for it (409). */
public class DatasetInUseException extends RuntimeException {
    private final List<Long> runningFits;

    public DatasetInUseException(String slug, List<Long> runningFits) {
        super("data set " + Echo.quoted(slug) + " has a running fit (" + runningFits.stream().map(id -> "fit " + id)
                .collect(java.util.stream.Collectors.joining(", ")) + "); cancel it (DELETE /api/v1/fits/"
                + runningFits.get(0) + ") or wait for it to finish, then delete the data set");
        this.runningFits = List.copyOf(runningFits);
    }

    public List<Long> runningFits() {
        return runningFits;
    }
}
