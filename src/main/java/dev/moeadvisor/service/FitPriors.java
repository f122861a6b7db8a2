package dev.moeadvisor.service;

import dev.moeadvisor.fit.FitParameter;
import dev.moeadvisor.fit.Prior;
import dev.moeadvisor.fit.PriorSet;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a request's {@code priorSet} and {@code priors} into the fit's priors, naming the field of any fault:
 * {@code priorSet} for an unknown set; {@code priors.<name>} for an unknown coefficient, a missing or non-finite
 * mean, an sd that is not a positive finite number, a non-positive mean of a log-space coefficient, or a prior on
 * a pinned coefficient.
 */
final class FitPriors {

    private FitPriors() {
    }

    /**
     * @param pinned the coefficients the fit pins (the request's pins over the defaults)
     * @throws InvalidFitRequestException naming the field
     */
    static Map<FitParameter, Prior> resolve(FitRequest r, Map<FitParameter, Double> pinned) {
        Map<FitParameter, Prior> priors = new EnumMap<>(FitParameter.class);
        if (r.priorSet() != null) {
            PriorSet set = PriorSet.byId(r.priorSet()).orElseThrow(() -> new InvalidFitRequestException("priorSet",
                    "unknown prior set '" + r.priorSet() + "' (known: "
                            + PriorSet.all().stream().map(PriorSet::id).collect(Collectors.joining(", ")) + ")"));
            priors.putAll(set.priors());
        }
        for (Map.Entry<String, FitRequest.PriorSpec> e : r.priors().entrySet()) {
            String field = "priors." + e.getKey();
            FitParameter p = FitParameter.fromLabel(e.getKey()).orElseThrow(() -> new InvalidFitRequestException(
                    field, "unknown coefficient '" + e.getKey() + "' (known: E, A_N, B_D, alpha, beta, a, d, gamma, "
                    + "betaG, aStart, aMax)"));
            FitRequest.PriorSpec spec = e.getValue();
            if (spec == null || spec.mean() == null || !Double.isFinite(spec.mean())) {
                throw new InvalidFitRequestException(field, "give the prior's mean as a finite number");
            }
            if (spec.sd() == null || !(spec.sd() > 0) || !Double.isFinite(spec.sd())) {
                throw new InvalidFitRequestException(field, "the prior's sd must be a positive finite number");
            }
            if (p.logSpace() && !(spec.mean() > 0)) {
                throw new InvalidFitRequestException(field, e.getKey() + " is positive (fitted as its logarithm): "
                        + "its prior's mean must be positive");
            }
            priors.put(p, new Prior(spec.mean(), spec.sd()));
        }
        for (FitParameter p : priors.keySet()) {
            if (pinned.containsKey(p)) {
                String field = r.priors().containsKey(p.label()) ? "priors." + p.label() : "priorSet";
                throw new InvalidFitRequestException(field, p.label() + " is pinned at " + pinned.get(p)
                        + ": a prior can only be put on a free coefficient (unpin it or drop the prior)");
            }
        }
        return priors;
    }
}
