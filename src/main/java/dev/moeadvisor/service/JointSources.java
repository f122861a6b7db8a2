package dev.moeadvisor.service;

import dev.moeadvisor.fit.DenseSource;
import dev.moeadvisor.fit.ElObservation;
import dev.moeadvisor.fit.FitParameter;
import dev.moeadvisor.fit.FitPoint;
import dev.moeadvisor.fit.FitProblem;
import dev.moeadvisor.fit.InvalidFitProblemException;
import dev.moeadvisor.fit.InvalidPriorException;
import dev.moeadvisor.fit.Prior;
import dev.moeadvisor.runs.TrainingRun;

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
 *
 * <p>And the data sets joined with their own loss level ({@link FitRequest#sources()}, {@link DenseSource}), each
 * refused naming its field {@code sources[i].…}: every EL coefficient pinned ({@code sources}: they would share no
 * free EL coefficient), the fitted data set itself, one given twice or also in {@code joint} ({@code .dataset}), an
 * unknown data set ({@code .dataset}), no run of its metric with a token count ({@code .metric}), an unknown run id
 * ({@code .runIds}), a coefficient other than E, A_N, B_D or a bad value ({@code .pinned}, {@code .priors.<name>}),
 * and too few runs for its coefficients without priors or pins ({@code .priors}).
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

    static List<DenseSource> ownLevel(FitRequest r, Map<FitParameter, Double> pinned, DatasetService datasets) {
        if (r.sources().isEmpty()) {
            return List.of();
        }
        if (pinned.keySet().containsAll(FitProblem.EL_COEFFICIENTS)) {
            throw new InvalidFitRequestException("sources", "every EL coefficient is pinned, so the joined data sets "
                    + "would share no free EL coefficient with " + r.dataset() + ": free a or d, or drop sources");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<DenseSource> out = new ArrayList<>();
        for (int i = 0; i < r.sources().size(); i++) {
            String field = "sources[" + i + "]";
            FitRequest.SourceSpec spec = r.sources().get(i);
            if (spec == null || spec.dataset() == null || spec.dataset().isBlank()) {
                throw new InvalidFitRequestException(field + ".dataset", "give the joined data set's id");
            }
            String slug = spec.dataset();
            if (slug.equals(r.dataset()) || r.joint().contains(slug) || !seen.add(slug)) {
                throw new InvalidFitRequestException(field + ".dataset", "a joined data set must be another data set "
                        + "than the fitted one, given once (in sources or joint, not both); got '" + slug + "'");
            }
            if (!datasets.stored(slug)) {
                throw new InvalidFitRequestException(field + ".dataset", "no data set '" + slug + "'");
            }
            if (spec.metric() == null || spec.metric().isBlank()) {
                throw new InvalidFitRequestException(field + ".metric", "give the metric of its runs (its unit)");
            }
            List<TrainingRun> runs = datasets.runs(slug).stream().filter(run -> run.metric().equals(spec.metric()))
                    .filter(TrainingRun::hasTokens).toList();
            if (runs.isEmpty()) {
                throw new InvalidFitRequestException(field + ".metric", "data set '" + slug + "' has no run of metric '"
                        + spec.metric() + "' with a token count");
            }
            for (String id : spec.runIds()) {
                if (runs.stream().noneMatch(run -> run.runId().equals(id))) {
                    throw new InvalidFitRequestException(field + ".runIds", "data set '" + slug + "' has no run '" + id
                            + "' of metric '" + spec.metric() + "' with a token count");
                }
            }
            List<FitPoint> points = runs.stream().filter(run -> spec.runIds().isEmpty()
                    || spec.runIds().contains(run.runId())).map(FitPoint::of).toList();
            if (points.isEmpty()) {
                throw new InvalidFitRequestException(field + ".metric", "data set '" + slug + "' has no run of metric '"
                        + spec.metric() + "' with a token count");
            }
            Map<FitParameter, Double> pins = new java.util.EnumMap<>(FitParameter.class);
            for (Map.Entry<String, Double> e : spec.pinned().entrySet()) {
                FitParameter p = own(e.getKey(), field + ".pinned");
                if (e.getValue() == null) {
                    throw new InvalidFitRequestException(field + ".pinned", "give " + e.getKey() + " a value");
                }
                pins.put(p, e.getValue());
            }
            Map<FitParameter, Prior> priors = new java.util.EnumMap<>(FitParameter.class);
            for (Map.Entry<String, FitRequest.PriorSpec> e : spec.priors().entrySet()) {
                String f = field + ".priors." + e.getKey();
                FitParameter p = own(e.getKey(), f);
                FitRequest.PriorSpec ps = e.getValue();
                if (ps == null || ps.mean() == null || !(ps.mean() > 0) || !Double.isFinite(ps.mean())) {
                    throw new InvalidFitRequestException(f, "give the prior's mean as a positive finite number ("
                            + e.getKey() + " is fitted as its logarithm)");
                }
                if (ps.sd() == null || !(ps.sd() > 0) || !Double.isFinite(ps.sd())) {
                    throw new InvalidFitRequestException(f, "the prior's sd must be a positive finite number");
                }
                priors.put(p, new Prior(ps.mean(), ps.sd()));
            }
            try {
                out.add(new DenseSource(slug, spec.metric(), points, pins, priors));
            } catch (InvalidPriorException e) {
                throw new InvalidFitRequestException(field + ".priors." + e.coefficient(), e.getMessage());
            } catch (InvalidFitProblemException e) {
                throw new InvalidFitRequestException(e.getMessage().contains("admissible") ? field + ".pinned"
                        : field + ".priors", e.getMessage());
            }
        }
        return out;
    }

    /** One of a data set's own coefficients ({@link DenseSource#OWN}) by name, or a 400 naming {@code field}. */
    private static FitParameter own(String name, String field) {
        return FitParameter.fromLabel(name).filter(DenseSource.OWN::contains).orElseThrow(() ->
                new InvalidFitRequestException(field, "'" + name + "' is not a data set's own coefficient: only E, "
                        + "A_N and B_D are; α, β and the EL coefficients are shared"));
    }
}
