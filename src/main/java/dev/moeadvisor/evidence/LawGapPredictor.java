package dev.moeadvisor.evidence;

import dev.moeadvisor.law.family.LawPoint;
import dev.moeadvisor.law.family.MoeLawFamily;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A published MoE law family as a gap predictor: the MoE run's shape at its own tokens in the law's variables
 * ({@link MoeLawFamily#pointAtTokens}) under the law, the dense run's shape at its tokens under the law's dense
 * counterpart ({@link MoeLawFamily#denseLoss}); in range when every axis of the MoE point lies inside the law's
 * fitted ranges ({@link MoeLawFamily#check}) and the run saw each token once: no family models repeated data, so a
 * run of several epochs ([ER] Tables 14–17) is predicted as if its tokens were unique and counts as outside. None of
 * the published families was fitted on a bundled run.
 *
 * @param law the family
 */
public record LawGapPredictor(MoeLawFamily law) implements GapPredictor {

    @Override
    public String id() {
        return law.id();
    }

    @Override
    public String name() {
        return law.name();
    }

    @Override
    public String kind() {
        return "law";
    }

    @Override
    public String unit() {
        return law.unit();
    }

    @Override
    public Set<String> fittedRunIds() {
        return Set.of();
    }

    @Override
    public GapPrediction predict(MoeDensePair pair) {
        LawPoint point = law.pointAtTokens(pair.moe().shape(), pair.moe().tokens());
        double dense = law.denseLoss(pair.dense().shape(), pair.dense().tokens());
        List<String> words = new ArrayList<>();
        String outside = law.outsideInWords(law.check(point));
        if (!outside.isEmpty()) {
            words.add(outside);
        }
        double epochs = pair.moe().tokens() / pair.moe().uniqueTokensOrNaN();
        if (epochs > 1 + 1e-3) {
            words.add(String.format(Locale.ROOT, "epochs %.3g > 1 (the law assumes unique data)", epochs));
        }
        return new GapPrediction(law.loss(point), dense, words.isEmpty(), String.join("; ", words));
    }
}
