package dev.moeadvisor.service;

import dev.moeadvisor.plan.Budget;
import dev.moeadvisor.plan.Candidate;
import dev.moeadvisor.plan.FamilyPlanner;
import dev.moeadvisor.plan.PlanAbortedException;
import dev.moeadvisor.plan.PlanRequest;
import dev.moeadvisor.plan.PlanResult;
import dev.moeadvisor.plan.PlanSweep;
import dev.moeadvisor.plan.Planner;
import dev.moeadvisor.plan.SearchLimits;
import dev.moeadvisor.plan.SweepRow;
import dev.moeadvisor.store.PlanRepository;
import io.micrometer.core.annotation.Timed;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.Locale;

/**
 * Plans a budget with a chosen loss model and saves it ({@link PlanArchive}: the computed result is stored and read
 * back as stored). Every plan and sweep runs within limits ({@code advisor.plan.*}, {@code advisor.sweep.*}): its grid
 * size is checked before searching, the search stops at the deadline or when the caller goes away, and at most
 * {@code advisor.plan.max-concurrent} run at once ({@link PlanCapacity}). The search runs outside any transaction.
 */
@ApplicationScoped
public class PlanService {

    @Inject
    LossModelRegistry models;
    @Inject
    PlanRepository plans;
    @Inject
    PlanArchive archive;
    @Inject
    PlanCapacity capacity;
    @Inject
    AdvisorConfig config;
    @Inject
    MeterRegistry meters;

    public SavedPlan plan(PlanRequest request, String modelId) {
        return plan(request, modelId, () -> false);
    }

    /** Plans and saves; {@code cancelled} turns true when the caller no longer wants the answer. */
    @Timed(value = "advisor.plans", description = "plans made (count and time)")
    public SavedPlan plan(PlanRequest request, String modelId, BooleanSupplier cancelled) {
        LossModelChoice model = models.resolve(modelId);
        SearchLimits limits = limits(cancelled);
        return archive.save(model, compute(model, request, limits));
    }

    /**
     * A saved plan as stored; one saved by a version that did not store results is planned once more from its
     * request and model, within the same limits as a new plan, and stored ({@link PlanArchive#find}).
     */
    public Optional<SavedPlan> get(long id) {
        return archive.find(id, (model, request) -> compute(model, request, limits(() -> false)));
    }

    /** One plan within limits and the plan capacity, checked against the model's evidence envelope. */
    private PlanResult compute(LossModelChoice model, PlanRequest request, SearchLimits limits) {
        if (model.law().isPresent()) {
            FamilyPlanner family = new FamilyPlanner(model.law().get());
            return withEnvelope(model, stopped(() -> capacity.run(() -> family.plan(request, limits))));
        }
        return withEnvelope(model, stopped(() -> capacity.run(
                () -> new Planner(model.model()).plan(request, model.bootstrap(), limits))));
    }

    /** Deletes a saved plan; false when there is none with this id. */
    public boolean delete(long id) {
        return archive.delete(id);
    }

    /** The recommendation checked against the model's evidence envelope (the one rule of every endpoint). */
    private static PlanResult withEnvelope(LossModelChoice model, PlanResult result) {
        return result.withOutside(model.outside(result.recommended(), result.request().computeFlops()));
    }

    /** A sweep row's recommendation checked against the model's evidence envelope, by the same rule as a plan's. */
    private static SweepRow withEnvelope(LossModelChoice model, SweepRow row) {
        if (!row.feasible()) {
            return row;
        }
        if (model.law().isPresent()) {
            return row.withOutside(model.outsideOfShape(row.shape(), row.budget().computeFlops()));
        }
        return row.withOutside(model.outside(dev.moeadvisor.envelope.EvidenceEnvelope.Query.ofShape(
                row.budget().computeFlops(), row.activeParams(), row.totalParams(), row.tokens(), row.epochs(),
                row.shape().isMoe(), row.activationRatio(), row.granularity())));
    }

    public List<PlanSummary> recent(int limit) {
        return plans.recent(limit).stream().map(e -> new PlanSummary(e.id, e.createdAt, e.modelId, e.modelLabel,
                archive.lossUnit(e.snapshotHash), e.computeFlops,
                e.uniqueTokens, e.activationRatio, e.paramActivationRatio, e.granularity, e.efficiencyLeverage,
                e.predictedLoss, e.totalParams, e.activeParams)).toList();
    }

    public SweepResult sweep(PlanRequest template, List<Budget> budgets, String modelId) {
        return sweep(template, budgets, modelId, () -> false);
    }

    /**
     * One row per budget, planned with the template's constraints; infeasible budgets carry their reason; each
     * feasible row its recommendation's evidence envelope ({@link SweepRow#outside()}).
     */
    @Timed(value = "advisor.sweeps", description = "sweeps made (count and time)")
    public SweepResult sweep(PlanRequest template, List<Budget> budgets, String modelId, BooleanSupplier cancelled) {
        LossModelChoice model = models.resolve(modelId);
        SearchLimits limits = SearchLimits.of(config.plan().maxShapes(), config.sweep().deadline(), cancelled);
        PlanSweep sweep = model.law().map(l -> new PlanSweep(new FamilyPlanner(l)))
                .orElseGet(() -> new PlanSweep(new Planner(model.model())));
        List<SweepRow> rows = stopped(() -> capacity.run(() -> sweep.run(template, budgets, limits,
                config.sweep().maxShapes())));
        return new SweepResult(model, rows.stream().map(row -> withEnvelope(model, row)).toList());
    }

    /** Counts searches stopped by their deadline or cancelled ({@code advisor_plans_stopped_total{reason}}). */
    private <T> T stopped(Supplier<T> work) {
        try {
            return work.get();
        } catch (PlanAbortedException e) {
            meters.counter("advisor.plans.stopped", "reason", e.reason().name().toLowerCase(Locale.ROOT)).increment();
            throw e;
        }
    }

    private SearchLimits limits(BooleanSupplier cancelled) {
        return SearchLimits.of(config.plan().maxShapes(), config.plan().deadline(), cancelled);
    }

    /** A sweep's rows and the model they were ranked with. */
    public record SweepResult(LossModelChoice model, List<SweepRow> rows) {
    }
}
