package dev.moeadvisor.service;

/** A fit request that names a field wrongly (unknown metric, empty selection, bad pin, ...). */
public class InvalidFitRequestException extends RuntimeException {
    private final String field;

    public InvalidFitRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
