package dev.moeadvisor.fit;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A data set joined to a fit with its own loss level: its runs (one metric, in its own unit) enter the objective as
 * runs, predicted by the composed loss model with this data set's own dense coefficients {@code E, A_N, B_D} and
 * the fit's shared α, β and EL coefficients (exponents are unit-free, EL is unitless; a loss level is not). One data
 * set's coefficients never see another's losses, so no unit is mixed.
 *
 * <p>A source with few runs cannot identify three coefficients alone (DeepSeekMoE's Table 1 has one token count,
 * so {@code E} and {@code B_D/D^β} are one number): each of its coefficients may be pinned or held by a Gaussian
 * prior ({@link Prior}, on the natural log, so {@code sd} is relative), and its bootstrap intervals show what it
 * identifies.
 *
 * @param id     the data set (names the coefficients and the unit of its predictions)
 * @param metric its metric (the unit of its losses)
 * @param points its runs as points
 * @param pinned its pinned dense coefficients ({@code E}, {@code A_N}, {@code B_D} only)
 * @param priors priors on its free dense coefficients ({@code E}, {@code A_N}, {@code B_D} only)
 */
public record DenseSource(String id, String metric, List<FitPoint> points, Map<FitParameter, Double> pinned,
                          Map<FitParameter, Prior> priors) {

    /** The coefficients each source has of its own. */
    public static final List<FitParameter> OWN = List.of(FitParameter.E, FitParameter.A_N, FitParameter.B_D);

    public DenseSource {
        if (id == null || id.isBlank() || metric == null || metric.isBlank()) {
            throw new InvalidFitProblemException("a joined data set needs an id and a metric");
        }
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new InvalidFitProblemException("joined data set '" + id + "' has no run of metric " + metric
                    + " with a token count");
        }
        EnumMap<FitParameter, Double> pins = new EnumMap<>(FitParameter.class);
        pins.putAll(pinned == null ? Map.of() : pinned);
        EnumMap<FitParameter, Prior> pr = new EnumMap<>(FitParameter.class);
        pr.putAll(priors == null ? Map.of() : priors);
        for (FitParameter p : union(pins.keySet(), pr.keySet())) {
            if (!OWN.contains(p)) {
                throw new InvalidFitProblemException("joined data set '" + id + "': " + p.label() + " is shared by "
                        + "every data set; only E, A_N and B_D are a data set's own");
            }
        }
        for (Map.Entry<FitParameter, Double> e : pins.entrySet()) {
            if (e.getValue() == null || !e.getKey().admits(e.getValue())) {
                throw new InvalidFitProblemException("joined data set '" + id + "': pinned " + e.getKey().label()
                        + " = " + e.getValue() + " lies outside its admissible range");
            }
            if (pr.containsKey(e.getKey())) {
                throw new InvalidPriorException(e.getKey().label(), "joined data set '" + id + "': "
                        + e.getKey().label() + " is pinned: a prior can only be put on a free coefficient");
            }
        }
        int unheld = (int) OWN.stream().filter(p -> !pins.containsKey(p) && !pr.containsKey(p)).count();
        if (points.size() <= unheld) {
            throw new InvalidFitProblemException("joined data set '" + id + "' has " + points.size() + " run"
                    + (points.size() == 1 ? "" : "s") + " for " + unheld + " of its own dense coefficients without a "
                    + "prior or pin: give E, A_N, B_D priors or pins");
        }
        pinned = Collections.unmodifiableMap(pins);
        priors = Collections.unmodifiableMap(pr);
    }

    /** True when {@code p} (one of {@link #OWN}) is fitted for this source. */
    boolean frees(FitParameter p) {
        return !pinned.containsKey(p);
    }

    private static Set<FitParameter> union(Set<FitParameter> a, Set<FitParameter> b) {
        Set<FitParameter> u = java.util.EnumSet.noneOf(FitParameter.class);
        u.addAll(a);
        u.addAll(b);
        return u;
    }
}
