package dev.moeadvisor.service;

/** The default fit ranks every plan made with {@code model: default}: it is neither cancelled nor deleted (409). */
public class DefaultFitException extends RuntimeException {
    public DefaultFitException(long id) {
        super("fit " + id + " is the default fit of the bundled runs; it cannot be cancelled or deleted");
    }
}
