package dev.moeadvisor.service;

import dev.moeadvisor.store.StorageProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Whether the database takes writes. A write that failed for a storage reason (full disk, read-only database:
 * {@link SqlErrors}) is {@linkplain #recorded recorded} by the error mapping; {@link #check()} then proves the
 * storage again with a real write ({@link StorageProbe}), at most every {@link #RECHECK} otherwise, and says
 * what is wrong until such a write succeeds. Readiness ({@link StorageReadiness}) reports it.
 */
@ApplicationScoped
public class StorageHealth {

    static final Duration RECHECK = Duration.ofSeconds(10);

    @Inject
    StorageProbe probe;
    @Inject
    Clock clock;

    private volatile SqlErrors.Kind failure;
    private volatile Instant checkedAt = Instant.EPOCH;
    private volatile boolean failedSinceCheck;

    /** A write failed for this storage reason. */
    public void recorded(SqlErrors.Kind kind) {
        if (kind == SqlErrors.Kind.STORAGE_FULL || kind == SqlErrors.Kind.READ_ONLY) {
            failure = kind;
            failedSinceCheck = true;
        }
    }

    /** The storage problem, if the last write (the probe's or a request's) failed for a storage reason. */
    public synchronized Optional<SqlErrors.Kind> check() {
        Instant now = clock.instant();
        if (failedSinceCheck || Duration.between(checkedAt, now).compareTo(RECHECK) >= 0) {
            failedSinceCheck = false;
            checkedAt = now;
            try {
                QuarkusTransaction.requiringNew().run(() -> probe.write(OffsetDateTime.now(clock)));
                failure = null;
            } catch (RuntimeException e) {
                failure = SqlErrors.classify(e).filter(k -> k != SqlErrors.Kind.UNIQUE_VIOLATION).orElse(null);
                if (failure == null) {
                    throw e; // not a storage reason (e.g. the database is unreachable): the caller says DOWN
                }
            }
        }
        return Optional.ofNullable(failure);
    }
}
