package dev.moeadvisor.fit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A joined data set's own part of a joint fit ({@link DenseSource}): its dense coefficients, in its own unit, with
 * bootstrap intervals (each resample redraws its runs among its own), and how well the fit predicts its runs. Its
 * MoE runs' EL, as its losses read under these coefficients, against the refit without it, is in the fit's
 * {@link FitResult#elChecks()}.
 *
 * @param dataset      the data set
 * @param metric       its metric (the unit of {@code E}, {@code A_N}, {@code B_D} and of its residuals)
 * @param coefficients its own {@code E, A_N, B_D} by name; α, β and the EL coefficients are the fit's
 * @param pinned       which of them were pinned
 * @param priors       the priors on them, by name
 * @param intervals    bootstrap 2.5–97.5% intervals of the free ones (empty without bootstrap)
 * @param residuals    per run, in input order ({@code looPredicted} NaN)
 * @param rmse         RMSE over its runs, in its metric
 */
public record SourceFit(String dataset, String metric, Map<String, Double> coefficients, List<String> pinned,
                        Map<String, Prior> priors, Map<String, Interval> intervals, List<RunResidual> residuals,
                        double rmse) {

    public SourceFit {
        coefficients = Collections.unmodifiableMap(new LinkedHashMap<>(coefficients));
        pinned = List.copyOf(pinned);
        priors = priors == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(priors));
        intervals = intervals == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
        residuals = List.copyOf(residuals);
    }
}
