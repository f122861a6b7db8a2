package dev.moeadvisor.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;

/** Loss-model snapshots by hash. */
@ApplicationScoped
public class ModelSnapshotRepository implements PanacheRepositoryBase<ModelSnapshotEntity, String> {

    /** Deletes the snapshots no plan references that were last used before {@code cutoff}; returns how many. */
    public long deleteOrphans(OffsetDateTime cutoff) {
        return delete("lastUsedAt < ?1 and hash not in (select p.snapshotHash from PlanEntity p"
                + " where p.snapshotHash is not null)", cutoff);
    }
}
