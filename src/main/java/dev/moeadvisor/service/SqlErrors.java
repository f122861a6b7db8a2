package dev.moeadvisor.service;

import java.sql.SQLException;
import java.util.Optional;

/**
 * What a database failure means, read from the {@link SQLException} in an exception's cause chain, for H2 and
 * PostgreSQL alike (the two databases the advisor runs on):
 * <ul>
 *   <li>{@link Kind#STORAGE_FULL}: PostgreSQL SQLSTATE {@code 53100} ({@code disk_full}); H2 2.x has no code of
 *       its own for it and reports the file system's error (Linux {@code ENOSPC}, "No space left on device") as an
 *       I/O error (90028, 90031) or a store error, so any error in the chain with that message;</li>
 *   <li>{@link Kind#READ_ONLY}: H2 error 90097 ({@code DATABASE_IS_READ_ONLY}), PostgreSQL SQLSTATE {@code 25006}
 *       ({@code read_only_sql_transaction});</li>
 *   <li>{@link Kind#UNIQUE_VIOLATION}: SQLSTATE {@code 23505} (both databases).</li>
 * </ul>
 */
public final class SqlErrors {

    /** The failures the advisor answers in its own words. */
    public enum Kind { STORAGE_FULL, READ_ONLY, UNIQUE_VIOLATION }

    static final String NO_SPACE = "No space left on device";
    static final int H2_DATABASE_IS_READ_ONLY = 90097;

    private SqlErrors() {
    }

    public static Optional<Kind> classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                Optional<Kind> kind = classify(sql);
                if (kind.isPresent()) {
                    return kind;
                }
            }
            if (t.getMessage() != null && t.getMessage().contains(NO_SPACE)) {
                return Optional.of(Kind.STORAGE_FULL);
            }
        }
        return Optional.empty();
    }

    private static Optional<Kind> classify(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState() == null ? "" : s.getSQLState();
            if ("53100".equals(state)) {
                return Optional.of(Kind.STORAGE_FULL);
            }
            if (s.getErrorCode() == H2_DATABASE_IS_READ_ONLY || "25006".equals(state)) {
                return Optional.of(Kind.READ_ONLY);
            }
            if ("23505".equals(state)) {
                return Optional.of(Kind.UNIQUE_VIOLATION);
            }
        }
        return Optional.empty();
    }
}
