package dev.moeadvisor.service;

import dev.moeadvisor.budget.BudgetInput;
import dev.moeadvisor.budget.TrainingBudget;
import dev.moeadvisor.fit.Interval;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Predicts the metric of a shape trained on a budget with a fitted (or published) loss model. */
@ApplicationScoped
public class PredictionService {

    @Inject
    LossModelRegistry models;

    /**
     * A prediction and its bootstrap spread.
     *
     * @param model              the model used
     * @param metrics            the shape's counts
     * @param budget             tokens and compute
     * @param predicted          the predicted metric
     * @param efficiencyLeverage EL(A, G, C) under the model's EL coefficients
     * @param low                2.5th percentile over the bootstrap models (NaN without them)
     * @param high               97.5th percentile
     * @param outside            the axes on which the question lies outside the model's evidence (empty: inside)
     */
    public record Prediction(LossModelChoice model, ShapeMetrics metrics, TrainingBudget budget, double predicted,
                             double efficiencyLeverage, double low, double high,
                             List<dev.moeadvisor.envelope.Outside> outside) {}

    public Prediction predict(String modelId, ModelShape shape, BudgetInput budgetInput, Double uniqueTokens) {
        LossModelChoice model = models.resolve(modelId);
        ShapeMetrics m = ShapeMetrics.of(shape);
        TrainingBudget b = budgetInput.resolve(m.flopsPerTokenTraining());
        double unique = uniqueTokens == null ? Double.NaN : uniqueTokens;
        double predicted = model.model().loss(m.activeParams(), b.tokens(), unique, m.activationRatioLing(),
                m.granularity(), b.computeFlops());
        double el = model.model().el().value(m.activationRatioLing(), m.granularity(), b.computeFlops());
        double[] boot = model.bootstrap().stream().mapToDouble(x -> x.loss(m.activeParams(), b.tokens(), unique,
                m.activationRatioLing(), m.granularity(), b.computeFlops())).sorted().toArray();
        Interval spread = boot.length == 0 ? new Interval(Double.NaN, Double.NaN) : Interval.ofBootstrap(boot);
        double epochs = Double.isNaN(unique) || unique <= 0 ? 1.0 : Math.max(1.0, b.tokens() / unique);
        return new Prediction(model, m, b, predicted, el, spread.lower(), spread.upper(),
                model.outside(new dev.moeadvisor.envelope.EvidenceEnvelope.Query(b.computeFlops(), m.activeParams(),
                        m.totalParams(), b.tokens(), epochs, m.activationRatioLing(), m.granularity())));
    }

    /** The registry's published choices, for forms. */
    public List<LossModelChoice> publishedModels() {
        return models.published();
    }
}
