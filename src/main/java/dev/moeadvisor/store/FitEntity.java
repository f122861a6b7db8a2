package dev.moeadvisor.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A fit of the loss model to a data set's runs: its request (options, seed, pins, filter), its status while it
 * runs, and its result (coefficients, intervals, diagnostics, residuals, bootstrap models) as JSON.
 */
@Entity
@Table(name = "fit")
public class FitEntity extends PanacheEntityBase {
    /** Lifecycle of a fit. */
    public enum Status { RUNNING, DONE, FAILED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dataset_id")
    public DatasetEntity dataset;
    public String metric;
    @Column(name = "request_json")
    public String requestJson;
    @Column(name = "request_hash")
    public String requestHash;
    @Column(name = "is_default")
    public boolean isDefault;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    public double progress;
    public String message;
    public long seed;
    @Column(name = "runs_hash")
    public String runsHash;
    @Column(name = "run_count")
    public Integer runCount;
    @Column(name = "result_json")
    public String resultJson;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    /** The instance running the fit (while {@code RUNNING}); its heartbeat is refreshed by that instance. */
    public String owner;
    @Column(name = "heartbeat_at")
    public OffsetDateTime heartbeatAt;
}
