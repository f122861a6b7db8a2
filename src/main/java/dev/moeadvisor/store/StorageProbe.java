package dev.moeadvisor.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;

/** A real write to the database (the one row of {@code storage_probe}); the caller runs it in its own transaction. */
@ApplicationScoped
public class StorageProbe {

    private final EntityManager em;

    @Inject
    public StorageProbe(EntityManager em) {
        this.em = em;
    }

    /** For the container's client proxy. */
    protected StorageProbe() {
        this(null);
    }

    public void write(OffsetDateTime now) {
        em.createNativeQuery("UPDATE storage_probe SET written_at = ?1 WHERE id = 1").setParameter(1, now)
                .executeUpdate();
    }
}
