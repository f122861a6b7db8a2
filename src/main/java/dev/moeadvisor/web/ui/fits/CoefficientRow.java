package dev.moeadvisor.web.ui.fits;

import dev.moeadvisor.fit.FitParameter;
import dev.moeadvisor.fit.Interval;
import dev.moeadvisor.law.Citation;
import dev.moeadvisor.law.MoeLossModel;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One coefficient of a fit next to its published value.
 *
 * @param name        the API name ({@code alpha})
 * @param symbol      the symbol shown ({@code α})
 * @param showName    the API name differs from the symbol, so it is shown too
 * @param value       the fitted value (the published one for the published model)
 * @param lower       2.5% bootstrap percentile, NaN without
 * @param upper       97.5% bootstrap percentile, NaN without
 * @param hasInterval a bootstrap interval exists (free coefficient, resamples asked for)
 * @param pinned      held at a given value, not fitted
 * @param published   the published value
 * @param otherUnit   the published value is in another unit than the fit (dense coefficients: nats of MassiveText)
 * @param sourceName  the source in one word ({@code Ling}, {@code Chinchilla})
 * @param source      where the published value comes from
 */
public record CoefficientRow(String name, String symbol, boolean showName, double value, double lower, double upper,
                             boolean hasInterval, boolean pinned, double published, boolean otherUnit,
                             String sourceName, Citation source) {

    static CoefficientRow of(FitParameter p, double value, Interval interval, boolean pinned,
                             MoeLossModel publishedModel, boolean fitted) {
        String symbol = Coefficient.symbol(p);
        return new CoefficientRow(p.label(), symbol, !symbol.equals(p.label()), value,
                interval == null ? Double.NaN : interval.lower(), interval == null ? Double.NaN : interval.upper(),
                interval != null, pinned, Coefficient.published(p, publishedModel), fitted && Coefficient.dense(p),
                Coefficient.sourceName(p), Coefficient.source(p));
    }

    static List<CoefficientRow> all(Map<String, Double> values, Map<String, Interval> intervals,
                                              Map<String, Double> pinned, MoeLossModel publishedModel,
                                              boolean fitted) {
        return Arrays.stream(FitParameter.values())
                .map(p -> of(p, values.get(p.label()), intervals.get(p.label()), pinned.containsKey(p.label()),
                        publishedModel, fitted))
                .toList();
    }
}
