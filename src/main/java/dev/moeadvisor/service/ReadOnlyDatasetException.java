package dev.moeadvisor.service;

/** A bundled data set cannot be changed or deleted. */
public class ReadOnlyDatasetException extends RuntimeException {
    public ReadOnlyDatasetException(String slug) {
        super("data set '" + slug + "' is bundled with the advisor and read-only");
    }
}
