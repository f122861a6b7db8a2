package dev.moeadvisor.evidence;

import dev.moeadvisor.envelope.Evidence;
import dev.moeadvisor.envelope.EvidenceEnvelope;
import dev.moeadvisor.envelope.Outside;
import dev.moeadvisor.law.MoeLossModel;
import dev.moeadvisor.runs.TrainingRun;

import java.util.List;
import java.util.Set;

/**
 * One of the advisor's loss models (a fit, or the published coefficients) as a gap predictor: each run's loss from
 * {@link MoeLossModel#loss} with its own active parameters, tokens, unique tokens, A, G and compute, as the fitter
 * sees a run; in range when the MoE run lies inside the model's evidence by the one envelope rule
 * ({@link EvidenceEnvelope}).
 *
 * @param id           the model's id ({@code default}, {@code ling-2025}, a fit's id)
 * @param name         its name
 * @param unit         its loss unit
 * @param model        the loss model
 * @param evidence     the ranges its data covered
 * @param fittedRunIds the bundled runs it was fitted on (joined sources included)
 */
public record FitGapPredictor(String id, String name, String unit, MoeLossModel model, Evidence evidence,
                              Set<String> fittedRunIds) implements GapPredictor {

    public FitGapPredictor {
        fittedRunIds = Set.copyOf(fittedRunIds);
    }

    @Override
    public String kind() {
        return "fit";
    }

    @Override
    public GapPrediction predict(MoeDensePair pair) {
        TrainingRun moe = pair.moe();
        double tokens = moe.tokens();
        double unique = moe.uniqueTokensOrNaN();
        List<Outside> out = EvidenceEnvelope.outside(evidence, EvidenceEnvelope.Query.ofShape(moe.effectiveCompute(),
                moe.activeParams(), moe.totalParams(), tokens, tokens / unique, true, moe.activationRatio(),
                moe.granularity()));
        return new GapPrediction(loss(moe), loss(pair.dense()), out.isEmpty(), EvidenceEnvelope.words(out));
    }

    private double loss(TrainingRun r) {
        return model.loss(r.activeParams(), r.tokens(), r.uniqueTokensOrNaN(), r.activationRatio(), r.granularity(),
                r.effectiveCompute());
    }
}
