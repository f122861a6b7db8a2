package dev.moeadvisor.service;

import dev.moeadvisor.budget.TrainingBudget;
import dev.moeadvisor.law.ComputeOptimum;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.HyperParameters;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;

import java.util.List;

/**
 * Everything the advisor says about one shape under one budget.
 *
 * @param shape                       the shape evaluated
 * @param metrics                     its counts, FLOPs, activation ratios and granularity
 * @param budget                      tokens, compute and (if given) GPU budget, consistent with each other
 * @param elLaw                       the EL law used
 * @param efficiencyLeverage          EL(A, G, C); 1 for a dense model
 * @param elExtrapolated              the shape lies outside Ling's fit on some axis: derived from {@code outside}, the one rule
 * @param denseEquivalentComputeFlops EL × C: the compute a dense model needs for the same loss
 * @param moeOptimum                  Ling Table 1 MoE allocation at this compute
 * @param denseOptimum                Ling Table 1 dense allocation at this compute
 * @param lingHyperParameters         Ling Eq. 3 at this compute
 * @param stepHyperParameters         Step Law at this shape's active parameters and tokens
 * @param warnings                    plain-language warnings (extrapolation)
 * @param outside                     the axes on which the question lies outside the published law's evidence
 *                                    ({@code dev.moeadvisor.envelope.EvidenceEnvelope}, Ling's fit ranges)
 */
public record Evaluation(ModelShape shape, ShapeMetrics metrics, TrainingBudget budget, EfficiencyLeverageLaw elLaw,
                         double efficiencyLeverage, boolean elExtrapolated, double denseEquivalentComputeFlops,
                         ComputeOptimum moeOptimum, ComputeOptimum denseOptimum,
                         HyperParameters lingHyperParameters, HyperParameters stepHyperParameters,
                         List<String> warnings, List<dev.moeadvisor.envelope.Outside> outside) {
}
