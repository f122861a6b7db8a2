package dev.moeadvisor.web.api;

import dev.moeadvisor.plan.Candidate;
import dev.moeadvisor.plan.IsoFlopExplorer;
import dev.moeadvisor.service.ExploreService;
import dev.moeadvisor.service.LossModelChoice;

import java.util.List;

/**
 * {@code POST /api/v1/explore} answer: the isoFLOP views at the budget (best shape per (E, k) against A, best shape
 * per granularity band against G), the best shape under the fixes with its dense baseline, and EL against compute at
 * the best shape's A and G for every available model, each point marked outside its model's evidence or fitted range.
 *
 * @param model          the model id the shapes were ranked with
 * @param modelLabel     what it is
 * @param unit           its loss unit
 * @param computeFlops   the budget
 * @param uniqueTokens   unique tokens; null = ample
 * @param maxTotalParams memory cap in total parameters; null = none
 * @param byActivation   one point per (E, k) bucket under the G fix, ascending A
 * @param byGranularity  one point per granularity band under the E and k fixes, ascending G
 * @param best           the best MoE shape under every fix
 * @param dense          the best dense shape of the same budget and constraints (the plan's dense baseline), if any
 * @param lossGap        dense loss minus the best shape's loss (positive: the MoE is predicted better); null without
 *                       a dense shape
 * @param leverage       EL against compute ({@value ExploreService#EL_POINTS} computes, 1e18–1e26) at the best shape
 * @param shapes         grid shapes admitted (the plan's estimate of the unfixed grid)
 * @param computeMillis  the server's time for this answer: from the resource method's start to the answer built (before JSON writing)
 */
public record ExploreResponse(String model, String modelLabel, String unit, double computeFlops, Double uniqueTokens,
                              Double maxTotalParams, List<ActivationPoint> byActivation,
                              List<GranularityPoint> byGranularity, CandidateDto best, CandidateDto dense,
                              Double lossGap, List<LeverageCurve> leverage, long shapes, double computeMillis) {

    /** The best shape of one (E, k) bucket; {@code fixed}: it has the fixed E and k (all do without fixes). */
    public record ActivationPoint(double activationRatio, int experts, int topK, double granularity, double loss,
                                  double efficiencyLeverage, double totalParams, double activeParams, boolean fixed) {
    }

    /**
     * The best shape of one granularity band {@code [min, max]} (centre {@code granularity}); the shape fields are
     * null when no shape of the band is feasible.
     */
    public record GranularityPoint(double granularity, double min, double max, Double shapeGranularity, Double loss,
                                   Integer experts, Integer topK, Double activationRatio, Double efficiencyLeverage) {
    }

    /** One model's EL against compute; {@code family}: a published law family (EL implied by its loss). */
    public record LeverageCurve(String model, String name, boolean family, List<LeveragePoint> points) {
    }

    /** EL at a compute (null when the law's dense model never reaches the loss); {@code outside} its range. */
    public record LeveragePoint(double computeFlops, Double efficiencyLeverage, boolean outside) {
    }

    public static ExploreResponse of(ExploreService.Exploration x, double computeMillis) {
        LossModelChoice m = x.model();
        IsoFlopExplorer.Result r = x.result();
        double c = x.request().computeFlops();
        List<ActivationPoint> byA = r.byActivation().stream()
                .sorted(java.util.Comparator.comparingDouble(Candidate::activationRatio)
                        .thenComparingInt(k -> k.shape().topK()))
                .map(k -> new ActivationPoint(k.activationRatio(), k.shape().experts(), k.shape().topK(),
                        k.granularity(), k.loss(), k.efficiencyLeverage(), k.totalParams(), k.activeParams(),
                        x.fixes().matches(k)))
                .toList();
        List<GranularityPoint> byG = r.byGranularity().stream().map(b -> b.best()
                .map(k -> new GranularityPoint(b.granularity(), b.min(), b.max(), k.granularity(), k.loss(),
                        k.shape().experts(), k.shape().topK(), k.activationRatio(), k.efficiencyLeverage()))
                .orElse(new GranularityPoint(b.granularity(), b.min(), b.max(), null, null, null, null, null, null)))
                .toList();
        List<LeverageCurve> curves = x.curves().stream().map(k -> new LeverageCurve(k.id(), k.name(), k.family(), k.points().stream()
                .map(p -> new LeveragePoint(p.computeFlops(), Double.isFinite(p.leverage()) ? p.leverage() : null, p.outside()))
                .toList())).toList();
        CandidateDto dense = r.dense().map(d -> CandidateDto.of(d, m, c)).orElse(null);
        return new ExploreResponse(m.id(), m.label(), m.unit(), c,
                x.request().hasAmpleData() ? null : x.request().uniqueTokens(),
                x.request().hasMemoryCap() ? x.request().maxTotalParams() : null, byA, byG,
                CandidateDto.of(x.best(), m, c), dense, r.dense().map(d -> d.loss() - x.best().loss()).orElse(null),
                curves, r.shapes(), computeMillis);
    }
}
