package dev.moeadvisor.evidence;

import dev.moeadvisor.law.family.AxisCheck;
import dev.moeadvisor.law.family.LawPoint;
import dev.moeadvisor.law.family.MoeLawFamily;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A published MoE law family as a gap predictor: the MoE run's shape at its own tokens in the law's variables
 * ({@link MoeLawFamily#pointAtTokens}) under the law, the dense run's shape at its tokens under the law's dense
 * counterpart ({@link MoeLawFamily#denseLoss}); in range when every axis of the MoE point lies inside the law's
 * fitted ranges ({@link MoeLawFamily#check}). None of the published families was fitted on a bundled run.
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
        List<AxisCheck> out = law.check(point).stream().filter(c -> !c.inRange()).toList();
        String words = out.stream().map(c -> String.format(Locale.ROOT, "%s %.3g ∉ [%.3g, %.3g]", c.axis().key(),
                c.value(), c.range().min(), c.range().max())).collect(Collectors.joining("; "));
        return new GapPrediction(law.loss(point), dense, out.isEmpty(), words);
    }
}
