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

/** One training run of a data set, one column per field of the run CSV. */
@Entity
@Table(name = "training_run")
public class RunEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dataset_id")
    public DatasetEntity dataset;
    public int position;
    @Column(name = "run_id")
    public String runId;
    @Column(name = "source_table")
    public Integer sourceTable;
    public String kind;
    @Column(name = "n_total")
    public Double nTotal;
    @Column(name = "n_active")
    public Double nActive;
    @Column(name = "r_a")
    public Double rA;
    @Column(name = "m_train_per_token")
    public Double mTrainPerToken;
    public Double tokens;
    @Column(name = "unique_tokens")
    public Double uniqueTokens;
    public Double epochs;
    public Double compute;
    @Column(name = "seq_len")
    public int seqLen;
    @Column(name = "n_layers")
    public int nLayers;
    @Column(name = "dense_layers")
    public Integer denseLayers;
    public String layout;
    @Column(name = "d_model")
    public int dModel;
    @Column(name = "d_ffn")
    public Integer dFfn;
    @Column(name = "n_heads")
    public int nHeads;
    @Column(name = "d_head")
    public int dHead;
    public Integer experts;
    @Column(name = "top_k")
    public Integer topK;
    @Column(name = "d_expert")
    public Integer dExpert;
    @Column(name = "d_shared")
    public Integer dShared;
    @Column(name = "gate_norm")
    public Boolean gateNorm;
    public Double lr;
    @Column(name = "batch_seqs")
    public Integer batchSeqs;
    public Integer iters;
    public String metric;
    @Column(name = "metric_value")
    public double value;
    public String note;
}
