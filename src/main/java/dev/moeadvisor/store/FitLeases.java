package dev.moeadvisor.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;

/**
 * Running fits as leases: the owning instance refreshes {@code fit.heartbeat_at} every few seconds; a running fit
 * whose heartbeat has gone stale was left by a dead instance and is marked failed. Callers run each method in a
 * transaction of its own.
 */
@ApplicationScoped
public class FitLeases {

    @Inject
    EntityManager em;

    /** Refreshes the heartbeat of every fit {@code owner} is running; the number refreshed. */
    public int beat(String owner, OffsetDateTime now) {
        return em.createQuery("update FitEntity f set f.heartbeatAt = :now where f.owner = :owner and f.status = :running")
                .setParameter("now", now).setParameter("owner", owner)
                .setParameter("running", FitEntity.Status.RUNNING).executeUpdate();
    }

    /**
     * Marks failed every running fit whose heartbeat (or, for a fit from before heartbeats, its creation) is older
     * than {@code staleBefore}; the number marked.
     */
    public int failAbandoned(OffsetDateTime staleBefore, OffsetDateTime now, String message) {
        return fail("coalesce(f.heartbeatAt, f.createdAt) < :by", staleBefore, now, message);
    }

    /** Marks failed every fit {@code owner} is still running (it is stopping); the number marked. */
    public int failOwned(String owner, OffsetDateTime now, String message) {
        return fail("f.owner = :by", owner, now, message);
    }

    private int fail(String which, Object by, OffsetDateTime now, String message) {
        return em.createQuery("update FitEntity f set f.status = :failed, f.message = :message, f.progress = 1.0, "
                        + "f.finishedAt = :now where f.status = :running and " + which)
                .setParameter("failed", FitEntity.Status.FAILED).setParameter("message", message)
                .setParameter("now", now).setParameter("running", FitEntity.Status.RUNNING)
                .setParameter("by", by).executeUpdate();
    }
}
