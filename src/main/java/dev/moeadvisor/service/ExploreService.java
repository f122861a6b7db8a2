package dev.moeadvisor.service;

import dev.moeadvisor.envelope.EvidenceEnvelope;
import dev.moeadvisor.law.family.ImpliedLeverage;
import dev.moeadvisor.law.family.LawComparison;
import dev.moeadvisor.plan.Candidate;
import dev.moeadvisor.plan.Constraint;
import dev.moeadvisor.plan.InfeasiblePlanException;
import dev.moeadvisor.plan.IsoFlopExplorer;
import dev.moeadvisor.plan.PlanRequest;
import dev.moeadvisor.plan.PlanRequestException;
import dev.moeadvisor.plan.SearchLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The explorer's answer for one budget ({@link IsoFlopExplorer}: the isoFLOP views, the best shape under the fixes
 * and the dense baseline), with EL against compute at the best shape for every available model. Cheap by design:
 * no bootstrap, no bound probes, no persistence. Bounded like a plan: the plan's work budget in grid shapes and its
 * deadline ({@code advisor.plan.*}), the caller's cancellation, and a permit of the plans' capacity
 * ({@link PlanCapacity}).
 */
@ApplicationScoped
public class ExploreService {

    /** EL-against-compute curves: this many computes, evenly in log C, from {@link #EL_MIN_COMPUTE} to {@link #EL_MAX_COMPUTE}. */
    public static final int EL_POINTS = 13;
    public static final double EL_MIN_COMPUTE = 1e18;
    public static final double EL_MAX_COMPUTE = 1e26;

    @Inject
    LossModelRegistry models;
    @Inject
    PlanCapacity capacity;
    @Inject
    AdvisorConfig config;

    /**
     * One curve of EL against compute at the best shape.
     *
     * @param id     model or law id
     * @param name   what it is, for people
     * @param family true for a published MoE law family (EL implied by its loss, {@link ImpliedLeverage}); false
     *               for a loss model the planner ranks with (its EL law at the shape's A and G)
     * @param points one per compute
     */
    public record ElCurve(String id, String name, boolean family, List<ElPoint> points) {
    }

    /**
     * @param computeFlops C
     * @param leverage     EL at C; {@code +∞} when no dense model of a family's law reaches the loss
     * @param outside      true when the point lies outside the model's evidence envelope (a fit, a published choice)
     *                     or the law's fitted ranges (a family): by the one rule, {@code Range.isOutside}
     */
    public record ElPoint(double computeFlops, double leverage, boolean outside) {
    }

    /** The explorer's answer: the model, the views and the curves. */
    public record Exploration(LossModelChoice model, PlanRequest request, IsoFlopExplorer.Fixes fixes,
                              IsoFlopExplorer.Result result, Candidate best, List<ElCurve> curves) {
    }

    /**
     * Explores {@code request} under {@code fixes} with the model {@code modelId}.
     *
     * @throws InfeasiblePlanException when no MoE shape satisfies the request and the fixes
     */
    public Exploration explore(PlanRequest request, IsoFlopExplorer.Fixes fixes, String modelId,
                               BooleanSupplier cancelled) {
        LossModelChoice model = models.resolve(modelId);
        if (model.model() == null) {
            // a law family without Ling's EL law (Krajewski, the joint law): the explorer's views rank by that form
            throw new PlanRequestException("model", "the explorer ranks shapes with Ling's EL law; law family "
                    + Echo.quoted(model.id()) + " has no EL law of that form. Plan with it (POST /api/v1/plan), or "
                    + "see its EL among the explorer's curves");
        }
        SearchLimits limits = SearchLimits.of(config.plan().maxShapes(), config.plan().deadline(), cancelled);
        IsoFlopExplorer.Result result = capacity.run(() -> new IsoFlopExplorer(model.model()).explore(request, fixes,
                limits));
        Candidate best = result.best().orElseThrow(() -> infeasible(result, fixes));
        return new Exploration(model, request, fixes, result, best, curves(model, best));
    }

    /**
     * EL against compute at {@code best}: for the chosen model, the default fit and ling-2025, their EL law at the
     * best shape's A and G, {@code EL(A, G, C) = Â^(α + γ·(log2 G)² + β·log2 G)}, {@code α = a + d·log10 C}
     * (arXiv 2507.17702, Eq. 13, each model's own coefficients), each point checked against the model's evidence
     * envelope on compute, A and G; then for every law family the EL it implies for the best shape,
     * {@code C_dense/C} at equal loss ({@link ImpliedLeverage}), checked against its fitted ranges.
     */
    List<ElCurve> curves(LossModelChoice chosen, Candidate best) {
        List<Double> computes = LawComparison.logSpaced(EL_MIN_COMPUTE, EL_MAX_COMPUTE, EL_POINTS);
        List<LossModelChoice> choices = new ArrayList<>();
        choices.add(chosen);
        for (String id : List.of(LossModelRegistry.DEFAULT, LossModelRegistry.PUBLISHED)) {
            // the default fit resolves to its own id: each model once
            available(id).filter(m -> choices.stream().noneMatch(x -> x.id().equals(m.id()))).ifPresent(choices::add);
        }
        double a = best.activationRatio();
        double g = best.granularity();
        List<ElCurve> out = new ArrayList<>();
        for (LossModelChoice m : choices) {
            out.add(new ElCurve(m.id(), m.label(), false, computes.stream().map(c -> new ElPoint(c,
                    m.model().el().value(a, g, c), !m.outside(new EvidenceEnvelope.Query(c, Double.NaN, Double.NaN,
                            Double.NaN, Double.NaN, a, g)).isEmpty())).toList()));
        }
        for (LawComparison.Curve curve : LawComparison.of(best.shape(), computes).curves()) {
            out.add(new ElCurve(curve.law().id(), curve.law().name(), true, curve.points().stream()
                    .map(p -> new ElPoint(p.computeFlops(), p.leverage(), !p.inRange())).toList()));
        }
        return List.copyOf(out);
    }

    /** A model for the curves, when it can be had now (the default fit may still be running). */
    private Optional<LossModelChoice> available(String id) {
        try {
            return Optional.of(models.resolve(id));
        } catch (UnknownModelException e) {
            return Optional.empty();
        }
    }

    private static InfeasiblePlanException infeasible(IsoFlopExplorer.Result result, IsoFlopExplorer.Fixes fixes) {
        if (result.byActivation().isEmpty() && fixes.granularity() == null) {
            Constraint c = result.binding().orElse(Constraint.TOO_FEW_TOKENS);
            return new InfeasiblePlanException(c.id(), "No MoE shape fits this budget: the binding constraint is "
                    + c.description() + ".");
        }
        List<String> held = new ArrayList<>();
        if (fixes.experts() != null) {
            held.add(fixes.experts() + " experts");
        }
        if (fixes.topK() != null) {
            held.add(fixes.topK() + " experts per token");
        }
        if (fixes.granularity() != null) {
            held.add("granularity near " + String.format(java.util.Locale.ROOT, "%.3g", fixes.granularity()));
        }
        String field = fixes.experts() != null ? "experts" : fixes.topK() != null ? "topK" : "granularity";
        return new InfeasiblePlanException(field, "No MoE shape with " + String.join(" and ", held)
                + " fits this budget; release one of them.");
    }
}
