package dev.moeadvisor.service;

import org.h2.api.ErrorCode;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The SQL failures the advisor answers in its own words, as H2 and PostgreSQL report them. */
class SqlErrorsTest {

    @Test
    void theH2CodesAreH2sOwn() {
        assertEquals(ErrorCode.DATABASE_IS_READ_ONLY, SqlErrors.H2_DATABASE_IS_READ_ONLY);
    }

    @Test
    void h2AndPostgresqlFailuresAreClassifiedThroughTheCauseChain() {
        // H2 2.x: an I/O error (code and SQLSTATE 90028) caused by the file system's ENOSPC; Hibernate wraps it.
        assertEquals(Optional.of(SqlErrors.Kind.STORAGE_FULL), SqlErrors.classify(new GenericJDBCException(
                "could not execute statement", new SQLException("IO Exception: \"/data/advisor.mv.db\"",
                        Integer.toString(ErrorCode.IO_EXCEPTION_1), ErrorCode.IO_EXCEPTION_1,
                        new IOException("No space left on device")))));
        assertEquals(Optional.of(SqlErrors.Kind.READ_ONLY), SqlErrors.classify(new RuntimeException(
                new SQLException("The database is read only", "90097", 90097))));
        // PostgreSQL: SQLSTATE 53100 disk_full, 25006 read_only_sql_transaction, 23505 unique_violation.
        assertEquals(Optional.of(SqlErrors.Kind.STORAGE_FULL),
                SqlErrors.classify(new SQLException("could not extend file", "53100")));
        assertEquals(Optional.of(SqlErrors.Kind.READ_ONLY),
                SqlErrors.classify(new SQLException("cannot execute INSERT in a read-only transaction", "25006")));
        assertEquals(Optional.of(SqlErrors.Kind.UNIQUE_VIOLATION),
                SqlErrors.classify(new SQLException("duplicate key value violates unique constraint", "23505")));
        // A full file system under the driver.
        assertEquals(Optional.of(SqlErrors.Kind.STORAGE_FULL), SqlErrors.classify(new IllegalStateException(
                new IOException("No space left on device"))));
        // Anything else is not classified.
        assertEquals(Optional.empty(), SqlErrors.classify(new SQLException("syntax error", "42601")));
        assertEquals(Optional.empty(), SqlErrors.classify(new IllegalStateException("x")));
    }
}
