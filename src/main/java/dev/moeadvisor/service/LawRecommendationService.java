package dev.moeadvisor.service;

import dev.moeadvisor.law.family.LawComparison;
import dev.moeadvisor.plan.FamilyPlanner;
import dev.moeadvisor.plan.InfeasiblePlanException;
import dev.moeadvisor.plan.PlanRequest;
import dev.moeadvisor.plan.PlanResult;
import dev.moeadvisor.plan.Planner;
import dev.moeadvisor.plan.SearchLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "What each law recommends for this budget" ({@code GET /api/v1/plans/{id}/laws}, the plan page's table), computed
 * when read, off the path that makes plans: the saved plan's request is planned once more under {@code ling-2025}
 * and under each published law family, each within the limits of one plan ({@code advisor.plan.max-shapes},
 * {@code advisor.plan.deadline}) and the plan capacity, one after another. A saved plan never changes, so the answer
 * is kept for the {@link #CACHED} most recently read plans.
 */
@ApplicationScoped
public class LawRecommendationService {

    /** Plans whose answer is kept in memory. */
    static final int CACHED = 32;

    @Inject
    PlanService plans;
    @Inject
    LossModelRegistry models;
    @Inject
    PlanCapacity capacity;
    @Inject
    AdvisorConfig config;

    private final Map<Long, LawRecommendations> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, LawRecommendations> eldest) {
                    return size() > CACHED;
                }
            });

    /** Every law's recommendation for saved plan {@code id}; empty when there is no such plan. */
    public Optional<LawRecommendations> of(long id) {
        LawRecommendations kept = cache.get(id);
        if (kept != null) {
            return Optional.of(kept);
        }
        return plans.get(id).map(saved -> {
            LawRecommendations r = compute(saved);
            cache.put(id, r);
            return r;
        });
    }

    /** The same plan's recommended shape under every law family over {@code computes} (the plan page's chart). */
    public Optional<LawComparison> curves(SavedPlan saved, List<Double> computes) {
        var rec = saved.result().bestMoe();
        return rec.isMoe() ? Optional.of(LawComparison.of(rec.shape(), computes)) : Optional.empty();
    }

    private LawRecommendations compute(SavedPlan saved) {
        PlanResult own = saved.result();
        PlanRequest request = own.request();
        double c = request.computeFlops();
        List<LawRecommendations.Row> rows = new ArrayList<>();
        rows.add(new LawRecommendations.Row(saved.model().id(), name(saved.model()), saved.model().unit(), true,
                Optional.of(own.recommended()), own.outside(), null));
        List<LossModelChoice> others = new ArrayList<>();
        others.add(models.resolve(LossModelRegistry.PUBLISHED));
        others.addAll(models.families());
        for (LossModelChoice m : others) {
            if (m.id().equals(saved.model().id())) {
                continue;
            }
            rows.add(row(m, request, c));
        }
        return new LawRecommendations(saved.id(), c, rows);
    }

    /** A law family's short name (its citation is on /laws), else the model's label. */
    private static String name(LossModelChoice m) {
        return m.law().map(l -> l.name()).orElse(m.label());
    }

    private LawRecommendations.Row row(LossModelChoice m, PlanRequest request, double c) {
        SearchLimits limits = SearchLimits.of(config.plan().maxShapes(), config.plan().deadline(), () -> false);
        try {
            PlanResult r = capacity.run(() -> m.law().isPresent() ? new FamilyPlanner(m.law().get()).plan(request, limits)
                    : new Planner(m.model()).plan(request, List.of(), limits));
            return new LawRecommendations.Row(m.id(), name(m), m.unit(), false, Optional.of(r.recommended()),
                    m.outside(r.recommended(), c), null);
        } catch (InfeasiblePlanException e) {
            return new LawRecommendations.Row(m.id(), name(m), m.unit(), false, Optional.empty(), List.of(),
                    e.getMessage());
        }
    }
}
