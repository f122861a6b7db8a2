package dev.moeadvisor.web.error;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}) with the offending fields, if any.
 *
 * @param type     a URI naming the kind of problem (relative, documented in the README)
 * @param title    a short summary
 * @param status   the HTTP status
 * @param detail   what went wrong in this request
 * @param instance the request path
 * @param errors   one entry per offending field
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    /**
     * One offending field: its path in the request (e.g. {@code shape.topK}) and the message; for uploaded run
     * data also the line (CSV line, header = 1, or 1-based position in a JSON list) and the column.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message, Integer line, String column) {
        public FieldError(String field, String message) {
            this(field, message, null, null);
        }
    }
}
