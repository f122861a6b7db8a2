package dev.moeadvisor.service;

/** No data set has this id. */
public class UnknownDatasetException extends RuntimeException {
    private final String slug;

    public UnknownDatasetException(String slug) {
        super("data set " + Echo.quoted(slug) + " does not exist");
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
