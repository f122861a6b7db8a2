package dev.moeadvisor.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A named set of training runs: bundled (read-only) or uploaded by a user. */
@Entity
@Table(name = "dataset")
public class DatasetEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String slug;
    public String name;
    public String description;
    public String citation;
    @Column(name = "read_only")
    public boolean readOnly;
    @Column(name = "run_count")
    public int runCount;
    @Column(name = "data_hash")
    public String dataHash;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
