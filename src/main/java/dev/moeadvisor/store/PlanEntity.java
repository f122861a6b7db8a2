package dev.moeadvisor.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A saved plan: its request and computed result (JSON), the advisor version that made it, a reference to its
 * loss-model snapshot and a summary of its recommendation. Rows saved before results were stored carry the loss
 * models in {@link #modelsJson} instead.
 */
@Entity
@Table(name = "plan")
public class PlanEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "model_id")
    public String modelId;
    @Column(name = "model_label")
    public String modelLabel;
    @Column(name = "request_json")
    public String requestJson;
    @Column(name = "models_json")
    public String modelsJson;
    @Column(name = "compute_flops")
    public double computeFlops;
    @Column(name = "unique_tokens")
    public Double uniqueTokens;
    @Column(name = "activation_ratio")
    public double activationRatio;
    @Column(name = "param_activation_ratio")
    public double paramActivationRatio;
    public double granularity;
    @Column(name = "efficiency_leverage")
    public double efficiencyLeverage;
    @Column(name = "predicted_loss")
    public double predictedLoss;
    @Column(name = "total_params")
    public double totalParams;
    @Column(name = "active_params")
    public double activeParams;
    @Column(name = "snapshot_hash")
    public String snapshotHash;
    @Column(name = "result_json")
    public String resultJson;
    @Column(name = "advisor_version")
    public String advisorVersion;
}
