package dev.moeadvisor.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;

/**
 * Claims on one-time start-up work, in table {@code startup_claim}. Inserting the row is the claim: the primary key
 * lets exactly one of several instances succeed. The owner refreshes the claim's heartbeat while it works; a claim
 * whose heartbeat is stale (a crashed owner) may be taken over. Callers run each method in a transaction of its own.
 */
@ApplicationScoped
public class StartupClaims {

    @Inject
    EntityManager em;

    /**
     * Inserts the claim {@code name}. When another owner holds it the primary key refuses the row and the
     * caller's transaction fails (catch that outside the transaction: PostgreSQL aborts a transaction on error).
     */
    public void insert(String name, String owner, OffsetDateTime now) {
        em.createNativeQuery("INSERT INTO startup_claim (name, owner, claimed_at, heartbeat_at) VALUES (?1, ?2, ?3, ?3)")
                .setParameter(1, name).setParameter(2, owner).setParameter(3, now).executeUpdate();
    }

    /** Takes over a claim whose heartbeat is older than {@code staleBefore}; false when it is fresh or gone. */
    public boolean takeOverIfStale(String name, String owner, OffsetDateTime staleBefore, OffsetDateTime now) {
        return em.createNativeQuery("UPDATE startup_claim SET owner = ?1, claimed_at = ?2, heartbeat_at = ?2 "
                        + "WHERE name = ?3 AND COALESCE(heartbeat_at, claimed_at) < ?4")
                .setParameter(1, owner).setParameter(2, now).setParameter(3, name).setParameter(4, staleBefore)
                .executeUpdate() == 1;
    }

    /** Whether anyone holds the claim {@code name} (fresh or stale). */
    public boolean held(String name) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM startup_claim WHERE name = ?1")
                .setParameter(1, name).getSingleResult()).longValue() > 0;
    }

    /** Refreshes the heartbeat of every claim {@code owner} holds; the number refreshed. */
    public int beat(String owner, OffsetDateTime now) {
        return em.createNativeQuery("UPDATE startup_claim SET heartbeat_at = ?1 WHERE owner = ?2")
                .setParameter(1, now).setParameter(2, owner).executeUpdate();
    }

    public void release(String name, String owner) {
        em.createNativeQuery("DELETE FROM startup_claim WHERE name = ?1 AND owner = ?2")
                .setParameter(1, name).setParameter(2, owner).executeUpdate();
    }

    /** Releases every claim {@code owner} holds (it is stopping). */
    public void releaseAll(String owner) {
        em.createNativeQuery("DELETE FROM startup_claim WHERE owner = ?1").setParameter(1, owner).executeUpdate();
    }
}
