package dev.moeadvisor.service;

import dev.moeadvisor.fit.ElObservation;
import dev.moeadvisor.fit.FitParameter;
import dev.moeadvisor.fit.FitProblem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A joint fit's joined sources ({@link FitRequest#joint()}): each data set's matched MoE-vs-dense pairs as EL
 * observations ({@link ElObservation}). Refused, naming the field {@code joint}: the fitted data set itself, a
 * data set given twice, one without a matched pair, or any joined source when every EL coefficient is pinned (the
 * data sets would then share no free coefficient).
 */
final class JointSources {

    private JointSources() {
    }

    static List<ElObservation> observations(FitRequest r, Map<FitParameter, Double> pinned, DatasetService datasets) {
        if (r.joint().isEmpty()) {
            return List.of();
        }
        if (pinned.keySet().containsAll(FitProblem.EL_COEFFICIENTS)) {
            throw new InvalidFitRequestException("joint", "every EL coefficient is pinned, so the joined data sets "
                    + "would share no free coefficient with " + r.dataset() + ": free a or d, or drop joint");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<ElObservation> out = new ArrayList<>();
        for (String slug : r.joint()) {
            if (slug == null || slug.isBlank() || slug.equals(r.dataset()) || !seen.add(slug)) {
                throw new InvalidFitRequestException("joint", "joined data sets must be other data sets, each once; got '"
                        + slug + "'");
            }
            if (!datasets.stored(slug)) {
                throw new InvalidFitRequestException("joint", "no data set '" + slug + "'");
            }
            List<ElObservation> pairs = ElObservation.fromMatchedPairs(slug, datasets.runs(slug));
            if (pairs.isEmpty()) {
                throw new InvalidFitRequestException("joint", "data set '" + slug + "' has no matched MoE-vs-dense pair "
                        + "(an MoE and a dense run on the same tokens with the same value), so it says nothing of EL "
                        + "that a joint fit could share");
            }
            out.addAll(pairs);
        }
        return out;
    }
}
