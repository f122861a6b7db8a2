package dev.moeadvisor.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A loss model as saved plans used it (point estimate and bootstrap models, JSON), stored once under the SHA-256 of
 * its JSON and shared by every plan ranked with it. Immutable but for {@link #lastUsedAt}.
 */
@Entity
@Table(name = "model_snapshot")
public class ModelSnapshotEntity extends PanacheEntityBase {
    @Id
    public String hash;
    /** When a plan last referenced it; unreferenced snapshots unused for an hour are removed. */
    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;
    public String json;
}
