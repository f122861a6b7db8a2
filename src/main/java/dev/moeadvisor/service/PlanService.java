package dev.moeadvisor.service;

import dev.moeadvisor.plan.Budget;
import dev.moeadvisor.plan.Candidate;
import dev.moeadvisor.plan.PlanRequest;
import dev.moeadvisor.plan.PlanResult;
import dev.moeadvisor.plan.PlanSweep;
import dev.moeadvisor.plan.Planner;
import dev.moeadvisor.plan.SweepRow;
import dev.moeadvisor.store.PlanEntity;
import dev.moeadvisor.store.PlanRepository;
import io.micrometer.core.annotation.Timed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Plans a budget with a chosen loss model and saves it. A saved plan stores its request and a snapshot of its
 * loss models, and is recomputed from them when read: the planner is deterministic, so the permalink shows the
 * same plan, even after the fit behind it is deleted.
 */
@ApplicationScoped
public class PlanService {

    @Inject
    LossModelRegistry models;
    @Inject
    PlanRepository plans;
    @Inject
    Clock clock;

    @Transactional
    @Timed(value = "advisor.plans", description = "plans made (count and time)")
    public SavedPlan plan(PlanRequest request, String modelId) {
        LossModelChoice model = models.resolve(modelId);
        PlanResult result = withEnvelope(model, new Planner(model.model()).plan(request, model.bootstrap()));
        PlanEntity e = new PlanEntity();
        e.createdAt = OffsetDateTime.now(clock);
        e.modelId = model.id();
        e.modelLabel = model.label();
        e.requestJson = StoredJson.write(request);
        e.modelsJson = StoredJson.write(model);
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
        return new SavedPlan(e.id, e.createdAt, model, result);
    }

    public Optional<SavedPlan> get(long id) {
        return plans.findByIdOptional(id).map(e -> {
            PlanRequest request = StoredJson.read(e.requestJson, PlanRequest.class);
            LossModelChoice model = StoredJson.read(e.modelsJson, LossModelChoice.class);
            return new SavedPlan(e.id, e.createdAt, model,
                    withEnvelope(model, new Planner(model.model()).plan(request, model.bootstrap())));
        });
    }

    /** The recommendation checked against the model's evidence envelope (the one rule of every endpoint). */
    private static PlanResult withEnvelope(LossModelChoice model, PlanResult result) {
        Candidate r = result.recommended();
        double epochs = r.epochs() > 0 ? r.epochs() : 1.0;
        return result.withOutside(model.outside(new dev.moeadvisor.envelope.EvidenceEnvelope.Query(
                result.request().computeFlops(), r.activeParams(), r.totalParams(), r.tokens(), epochs,
                r.shape().isMoe() ? r.activationRatio() : 1.0,
                r.shape().isMoe() ? r.granularity() : Double.NaN)));
    }

    public List<PlanSummary> recent(int limit) {
        return plans.recent(limit).stream().map(e -> new PlanSummary(e.id, e.createdAt, e.modelId, e.computeFlops,
                e.uniqueTokens, e.activationRatio, e.paramActivationRatio, e.granularity, e.efficiencyLeverage,
                e.predictedLoss, e.totalParams, e.activeParams)).toList();
    }

    /** One row per budget, planned with the template's constraints; infeasible budgets carry their reason. */
    @Timed(value = "advisor.sweeps", description = "sweeps made (count and time)")
    public SweepResult sweep(PlanRequest template, List<Budget> budgets, String modelId) {
        LossModelChoice model = models.resolve(modelId);
        return new SweepResult(model, new PlanSweep(new Planner(model.model())).run(template, budgets));
    }

    /** A sweep's rows and the model they were ranked with. */
    public record SweepResult(LossModelChoice model, List<SweepRow> rows) {
    }
}
