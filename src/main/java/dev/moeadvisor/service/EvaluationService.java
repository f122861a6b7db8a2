package dev.moeadvisor.service;

import dev.moeadvisor.budget.BudgetInput;
import dev.moeadvisor.budget.TrainingBudget;
import dev.moeadvisor.law.AllocationLaw;
import dev.moeadvisor.law.ComputeOptimum;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.HyperParameterLaws;
import dev.moeadvisor.law.HyperParameters;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;
import jakarta.enterprise.context.ApplicationScoped;

import dev.moeadvisor.envelope.Evidence;
import dev.moeadvisor.envelope.EvidenceEnvelope;
import dev.moeadvisor.envelope.Outside;
import dev.moeadvisor.numbers.Numbers;

import java.util.ArrayList;
import java.util.List;

/** Evaluates a shape under a budget with the published Ling laws, and computes the EL curves for its charts. */
@ApplicationScoped
public class EvaluationService {

    private static final EfficiencyLeverageLaw LAW = EfficiencyLeverageLaw.LING_2025;

    /** The same words on every extrapolated answer: formatted once rather than on each request. */
    private static final String ALLOCATION_EXTRAPOLATED = "The compute-optimal allocation and Ling hyper-parameters"
            + " are extrapolated beyond C = " + Numbers.sci(AllocationLaw.LING_MOE.compute().max()) + " FLOPs.";
    private static final String STEP_EXTRAPOLATED =
            "Step Law is extrapolated: its grid searches span about 60M–1B parameters and up to about 100B tokens.";

    public Evaluation evaluate(ModelShape shape, BudgetInput budgetInput) {
        ShapeMetrics m = ShapeMetrics.of(shape);
        TrainingBudget budget = budgetInput.resolve(m.flopsPerTokenTraining());
        double c = budget.computeFlops();
        double el = LAW.value(m.activationRatioLing(), m.granularity(), c);
        ComputeOptimum moe = ComputeOptimum.of(AllocationLaw.LING_MOE, c);
        ComputeOptimum dense = ComputeOptimum.of(AllocationLaw.LING_DENSE, c);
        HyperParameters ling = HyperParameterLaws.ling(c);
        HyperParameters step = HyperParameterLaws.step(m.activeParams(), budget.tokens());
        List<String> warnings = new ArrayList<>();
        if (moe.extrapolated()) {
            warnings.add(ALLOCATION_EXTRAPOLATED);
        }
        if (step.extrapolated()) {
            warnings.add(STEP_EXTRAPOLATED);
        }
        List<Outside> outside = EvidenceEnvelope.outside(
                Evidence.LING_2025, new EvidenceEnvelope.Query(c,
                        m.activeParams(), m.totalParams(), budget.tokens(), 1.0,
                        shape.isMoe() ? m.activationRatioLing() : 1.0, shape.isMoe() ? m.granularity() : Double.NaN));
        // one rule (the evidence envelope): EL is extrapolated exactly when the shape lies outside Ling's fit
        boolean extrapolated = !outside.isEmpty();
        if (extrapolated) {
            warnings.add(0, "EL is extrapolated, outside the EL law's evidence: "
                    + EvidenceEnvelope.words(outside) + " of Ling's fit (arXiv 2507.17702: C "
                    + "1e18–6e20 FLOPs, A 0.8–100%, G 2–16).");
        }
        return new Evaluation(shape, m, budget, LAW, el, extrapolated, el * c, moe, dense, ling, step,
                List.copyOf(warnings), outside);
    }

    /**
     * EL against Ling's activation ratio A at fixed G and C, log-spaced from 1/512 (or below {@code markA}) to 1.
     */
    public List<CurvePoint> elOverActivation(double granularity, double computeFlops, double markA) {
        return elOverActivation(LAW, granularity, computeFlops, markA);
    }

    /** The same curve for another EL law (e.g. a fitted one). */
    public List<CurvePoint> elOverActivation(EfficiencyLeverageLaw law, double granularity, double computeFlops,
                                             double markA) {
        return logSpaced(Math.min(1.0 / 512, markA / 2), 1.0, a -> law.value(a, granularity, computeFlops));
    }

    /** EL against granularity G at fixed A and C, log-spaced over [1, 64] widened to include {@code markG}. */
    public List<CurvePoint> elOverGranularity(double activationRatio, double computeFlops, double markG) {
        return elOverGranularity(LAW, activationRatio, computeFlops, markG);
    }

    /** The same curve under another EL law (a fitted one, for a plan ranked with it). */
    public List<CurvePoint> elOverGranularity(EfficiencyLeverageLaw law, double activationRatio, double computeFlops,
                                              double markG) {
        return logSpaced(Math.min(1.0, markG / 2), Math.max(64.0, markG * 2),
                g -> law.value(activationRatio, g, computeFlops));
    }

    /**
     * EL against compute C at fixed A and G, log-spaced over [C/1000, 10·C] widened to cover {@code [from, to]} (e.g.
     * a model's evidence range of compute, so that the chart shows where the evidence ends), at most 10⁶ wide each way
     * of {@code markC}.
     */
    public List<CurvePoint> elOverCompute(EfficiencyLeverageLaw law, double activationRatio, double granularity,
                                          double markC, double from, double to) {
        double lo = Math.max(markC / 1e6, Math.min(markC / 1000, Double.isFinite(from) ? from / 2 : markC));
        double hi = Math.min(markC * 1e6, Math.max(markC * 10, Double.isFinite(to) ? to * 2 : markC));
        return logSpaced(lo, hi, c -> law.value(activationRatio, granularity, c));
    }

    private static List<CurvePoint> logSpaced(double from, double to, java.util.function.DoubleUnaryOperator f) {
        int n = 60;
        List<CurvePoint> points = new ArrayList<>(n + 1);
        double logFrom = Math.log(from);
        double step = (Math.log(to) - logFrom) / n;
        for (int i = 0; i <= n; i++) {
            double x = Math.exp(logFrom + step * i);
            points.add(new CurvePoint(x, f.applyAsDouble(x)));
        }
        return points;
    }
}
