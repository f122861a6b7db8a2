package dev.moeadvisor.service;

import dev.moeadvisor.plan.Candidate;
import dev.moeadvisor.plan.PlanRequest;
import dev.moeadvisor.plan.PlanResult;
import dev.moeadvisor.store.ModelSnapshotEntity;
import dev.moeadvisor.store.ModelSnapshotRepository;
import dev.moeadvisor.store.PlanEntity;
import dev.moeadvisor.store.PlanRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * Saved plans as stored rows: the computed {@link PlanResult} (JSON) with the advisor version that made it, read
 * back as stored — a permalink never re-runs the planner, so a saved answer does not change when the planner does.
 * The loss model a plan was ranked with is a {@code model_snapshot} row stored once per model content (SHA-256 of its
 * JSON) and shared by its plans. Retention: every {@link #CLEANUP_EVERY}-th save deletes up to {@link #CLEANUP_BATCH}
 * plans older than {@code advisor.plans.retention-days} and as many beyond the newest {@code advisor.plans.max-count},
 * then the snapshots no plan references that went unused for {@link #ORPHAN_AGE}.
 */
@ApplicationScoped
public class PlanArchive {

    static final int CLEANUP_EVERY = 50;
    static final int CLEANUP_BATCH = 100;
    /** A snapshot's last use is refreshed when older than this, so a snapshot in use is never an orphan. */
    static final Duration TOUCH_AFTER = Duration.ofMinutes(10);
    static final Duration ORPHAN_AGE = Duration.ofHours(1);
    /** Parsed snapshots kept in memory (immutable, by hash). */
    private static final int CACHED_SNAPSHOTS = 8;

    @Inject
    PlanRepository plans;
    @Inject
    ModelSnapshotRepository snapshots;
    @Inject
    AdvisorConfig config;
    @Inject
    Clock clock;
    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String version;

    private final AtomicLong saves = new AtomicLong();
    /**
     * Model instances whose snapshot row was inserted or refreshed within {@link #TOUCH_AFTER}, at most
     * {@link #CACHED_SNAPSHOTS} (least recently used dropped): a save with one of them skips serialising the model
     * (the default fit's 198 bootstrap models), hashing it and the snapshot transaction. Within that time the row's last
     * use is at most twice {@link #TOUCH_AFTER} old, far from {@link #ORPHAN_AGE}, so the retention pass keeps it;
     * {@link #cleanup} forgets them all when it deleted a snapshot. Holds no answer, only which rows exist.
     */
    private final Map<Identity, Confirmed> confirmed = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Identity, Confirmed> eldest) {
                    return size() > CACHED_SNAPSHOTS;
                }
            });
    private final Map<String, LossModelChoice> parsed = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, LossModelChoice> eldest) {
                    return size() > CACHED_SNAPSHOTS;
                }
            });

    /** Stores a computed plan and returns it with its id. */
    public SavedPlan save(LossModelChoice model, PlanResult result) {
        String snapshot = ensureSnapshot(model);
        SavedPlan saved = QuarkusTransaction.requiringNew().call(() -> insert(snapshot, model, result));
        if (saves.incrementAndGet() % CLEANUP_EVERY == 0) {
            cleanup();
        }
        return saved;
    }

    private SavedPlan insert(String snapshot, LossModelChoice model, PlanResult result) {
        PlanRequest request = result.request();
        PlanEntity e = new PlanEntity();
        e.createdAt = OffsetDateTime.now(clock);
        e.modelId = model.id();
        e.modelLabel = model.label();
        e.requestJson = StoredJson.write(request);
        e.resultJson = StoredJson.write(result);
        e.snapshotHash = snapshot;
        e.advisorVersion = version;
        e.computeFlops = request.computeFlops();
        e.uniqueTokens = Double.isFinite(request.uniqueTokens()) ? request.uniqueTokens() : null;
        Candidate r = result.recommended();
        e.activationRatio = r.activationRatio();
        e.paramActivationRatio = r.paramActivationRatio();
        e.granularity = r.granularity();
        e.efficiencyLeverage = r.efficiencyLeverage();
        e.predictedLoss = r.loss();
        e.totalParams = r.totalParams();
        e.activeParams = r.activeParams();
        plans.persist(e);
        return new SavedPlan(e.id, e.createdAt, model, result, version);
    }

    /**
     * The snapshot's hash, its row inserted (or its last use refreshed) in a transaction of its own. Plans ranked with
     * a model not yet stored race to insert its row: the insert is flushed at commit, so the losers' duplicate key
     * ({@link SqlErrors.Kind#UNIQUE_VIOLATION}) surfaces from the commit (wrapped in the transaction manager's
     * exception, not a {@code PersistenceException}); the row is then there, which is all a plan needs.
     */
    private String ensureSnapshot(LossModelChoice model) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Confirmed known = confirmed.get(new Identity(model));
        if (known != null && known.at().isAfter(now.minus(TOUCH_AFTER))) {
            return known.hash();
        }
        String json = StoredJson.write(model);
        String hash = Hashes.sha256(json);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ModelSnapshotEntity s = snapshots.findById(hash);
                if (s == null) {
                    s = new ModelSnapshotEntity();
                    s.hash = hash;
                    s.json = json;
                    s.lastUsedAt = now;
                    snapshots.persist(s);
                } else if (s.lastUsedAt.isBefore(now.minus(TOUCH_AFTER))) {
                    s.lastUsedAt = now;
                }
            });
        } catch (RuntimeException e) {
            // another plan inserted the same snapshot at the same moment: read it in a fresh transaction
            if (SqlErrors.classify(e).orElse(null) != SqlErrors.Kind.UNIQUE_VIOLATION
                    || QuarkusTransaction.requiringNew().call(() -> snapshots.findById(hash)) == null) {
                throw e;
            }
        }
        parsed.putIfAbsent(hash, model);
        confirmed.put(new Identity(model), new Confirmed(hash, now));
        return hash;
    }

    /** A model instance as a map key: by identity, so a lookup costs no hashing of its bootstrap models. */
    private record Identity(LossModelChoice model) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.model == model;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(model);
        }
    }

    /** A snapshot row known to exist, with its last use at or after {@code at} minus {@link #TOUCH_AFTER}. */
    private record Confirmed(String hash, OffsetDateTime at) {
    }

    /**
     * A saved plan as stored. A row saved before results were stored (it carries its loss models in
     * {@code models_json}) is computed once by {@code compute} from its request and model, then stored as a current
     * row is (result, snapshot reference, advisor version marked as a recomputation, its model copy dropped): later
     * reads read it like any other. Two first reads at once both compute; the first to store wins, the other's
     * identical answer is not written.
     */
    public Optional<SavedPlan> find(long id, BiFunction<LossModelChoice, PlanRequest, PlanResult> compute) {
        Optional<StoredRow> found = QuarkusTransaction.requiringNew().call(() -> plans.findByIdOptional(id)
                .map(StoredRow::of));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredRow row = found.get();
        if (row.resultJson() != null) {
            LossModelChoice model = parsed.computeIfAbsent(row.snapshotHash(), h -> QuarkusTransaction.requiringNew()
                    .call(() -> StoredJson.read(snapshots.findById(h).json, LossModelChoice.class)));
            return Optional.of(new SavedPlan(row.id(), row.createdAt(), model,
                    StoredJson.read(row.resultJson(), PlanResult.class), row.advisorVersion()));
        }
        LossModelChoice model = StoredJson.read(row.modelsJson(), LossModelChoice.class);
        PlanResult result = compute.apply(model, StoredJson.read(row.requestJson(), PlanRequest.class));
        String snapshot = ensureSnapshot(model);
        String recomputed = recomputedVersion();
        QuarkusTransaction.requiringNew().run(() -> {
            PlanEntity e = plans.findById(id);
            if (e != null && e.resultJson == null) {
                e.resultJson = StoredJson.write(result);
                e.snapshotHash = snapshot;
                e.advisorVersion = recomputed;
                e.modelsJson = null;
            }
        });
        return Optional.of(new SavedPlan(row.id(), row.createdAt(), model, result, recomputed));
    }

    /**
     * The loss unit of the model a stored plan was ranked with, read from its snapshot (parsed once, then cached), or
     * an empty string for a row stored before snapshots ({@code snapshotHash} null) or whose snapshot is gone.
     */
    public String lossUnit(String snapshotHash) {
        if (snapshotHash == null) {
            return "";
        }
        LossModelChoice model = parsed.computeIfAbsent(snapshotHash, h -> QuarkusTransaction.requiringNew().call(() -> {
            var s = snapshots.findById(h);
            return s == null ? null : StoredJson.read(s.json, LossModelChoice.class);
        }));
        return model == null || model.unit() == null ? "" : model.unit();
    }

    /** The version stored with a row saved before results were stored, computed on its first read by this one. */
    String recomputedVersion() {
        String v = version + " (recomputed on first read)";
        return v.length() <= 80 ? v : v.substring(0, 80);   // the column's width
    }

    /** The columns a read needs, taken out of the transaction that read them. */
    private record StoredRow(long id, OffsetDateTime createdAt, String requestJson, String resultJson,
                             String snapshotHash, String advisorVersion, String modelsJson) {
        static StoredRow of(PlanEntity e) {
            return new StoredRow(e.id, e.createdAt, e.requestJson, e.resultJson, e.snapshotHash, e.advisorVersion,
                    e.modelsJson);
        }
    }

    /** Deletes a saved plan; false when there is none with this id. */
    @Transactional
    public boolean delete(long id) {
        return plans.deleteById(id);
    }

    /** One bounded retention pass with the configured limits; returns the plans deleted. */
    public long cleanup() {
        return cleanup(OffsetDateTime.now(clock), config.plans().retentionDays(), config.plans().maxCount());
    }

    /** One bounded retention pass as of {@code now}: at most 2 × {@link #CLEANUP_BATCH} plans; returns how many. */
    long cleanup(OffsetDateTime now, int retentionDays, long maxCount) {
        long[] deleted = QuarkusTransaction.requiringNew().call(() -> {
            long n = plans.deleteIds(plans.olderThan(now.minusDays(retentionDays), CLEANUP_BATCH));
            // skipping the newest maxCount rows walks them all, and so does a count in H2 under concurrent saves:
            // neither runs while the span of ids (which bounds the count) is within the limit
            if (plans.idSpan() > maxCount && plans.count() > maxCount) {
                n += plans.deleteIds(plans.beyondNewest(maxCount, CLEANUP_BATCH));
            }
            return new long[] {n, snapshots.deleteOrphans(now.minus(ORPHAN_AGE))};
        });
        if (deleted[1] > 0) {
            // a confirmed row is used within twice TOUCH_AFTER, never an orphan at the clock's now; a pass run as of a
            // later time (the tests') may delete one, so the saves that follow check their rows again
            confirmed.clear();
        }
        return deleted[0];
    }

    /** The stored size of a plan row's JSON columns, in characters (for the storage figure in the README). */
    @Transactional
    public long storedChars(long id) {
        PlanEntity e = plans.findById(id);
        return len(e.requestJson) + len(e.resultJson) + len(e.modelsJson);
    }

    /** The stored size of the snapshot a plan references, in characters (0 for rows with their own copy). */
    @Transactional
    public long snapshotChars(long id) {
        PlanEntity e = plans.findById(id);
        return e.snapshotHash == null ? 0 : len(snapshots.findById(e.snapshotHash).json);
    }

    @Transactional
    public long snapshotCount() {
        return snapshots.count();
    }

    private static long len(String s) {
        return s == null ? 0 : s.length();
    }

    /** The model rows of {@code ids}'s plans reference, for tests of the sharing. */
    @Transactional
    List<String> snapshotHashes(List<Long> ids) {
        return ids.stream().map(id -> plans.findById(id).snapshotHash).toList();
    }
}
