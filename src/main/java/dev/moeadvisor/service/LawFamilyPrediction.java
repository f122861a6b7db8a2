package dev.moeadvisor.service;

import dev.moeadvisor.budget.BudgetInput;
import dev.moeadvisor.budget.TrainingBudget;
import dev.moeadvisor.envelope.EvidenceEnvelope;
import dev.moeadvisor.envelope.Outside;
import dev.moeadvisor.law.family.Axis;
import dev.moeadvisor.law.family.ImpliedLeverage;
import dev.moeadvisor.law.family.LawPoint;
import dev.moeadvisor.law.family.MoeLawFamily;
import dev.moeadvisor.shape.ModelShape;

import java.util.ArrayList;
import java.util.List;

/**
 * A published MoE law family used as the {@code model} of an evaluation or a prediction: the shape under the budget
 * in the law's own variables (its tokens follow from its own FLOP model), the loss in its unit, the EL it implies
 * ({@link ImpliedLeverage}: against the compute-optimal dense model of the same law) and, per axis of its fitted
 * ranges, where the point lies outside by the one envelope rule ({@link EvidenceEnvelope#outsideOn}), in the law's words.
 *
 * @param law      the family
 * @param budget   the budget, resolved with the law's FLOPs per token
 * @param point    the shape in the law's variables
 * @param implied  loss, dense compute and EL
 * @param outside  the axes outside the law's fitted ranges (axis names as {@link Axis#key()})
 */
public record LawFamilyPrediction(MoeLawFamily law, TrainingBudget budget, LawPoint point, ImpliedLeverage implied,
                                  List<Outside> outside) {

    /**
     * @throws IllegalArgumentException when the shape is dense (the families describe MoE shapes)
     */
    public static LawFamilyPrediction of(MoeLawFamily law, ModelShape shape, BudgetInput budgetInput) {
        if (!shape.isMoe()) {
            throw new IllegalArgumentException("the law families describe MoE shapes");
        }
        double probe = 1e20;
        double flopsPerToken = probe / law.point(shape, probe).get(Axis.TOKENS);
        TrainingBudget b = budgetInput.resolve(flopsPerToken);
        LawPoint point = law.point(shape, b.computeFlops());
        List<Outside> out = new ArrayList<>();
        return new LawFamilyPrediction(law, b, point, ImpliedLeverage.at(law, point, b.computeFlops()),
                outside(law, point));
    }

    /**
     * The axes of a point outside the law's fitted ranges by the one envelope rule
     * ({@link EvidenceEnvelope#outsideOn}), each described in the law's own words ({@link MoeLawFamily#axisName}:
     * "active parameters with embeddings 8.1× above the fitted range …").
     */
    public static List<Outside> outside(MoeLawFamily law, LawPoint point) {
        List<Outside> out = new ArrayList<>();
        law.check(point).forEach(c -> EvidenceEnvelope.outsideOn(c.axis().key(), c.value(), c.range())
                .ifPresent(o -> out.add(o.describedAs(c.words(law.axisName(c.axis()))))));
        return List.copyOf(out);
    }
}
