package dev.moeadvisor.fit;

import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.runs.TrainingRun;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable fit problem: the points (one per run, one metric), the pinned coefficients and the options. The
 * free coefficients are all the others. The SHA-256 {@link #dataHash()} of the points (in order) and the
 * {@link #options()} identify the fit for reproduction.
 *
 * <p>When no point is an MoE run, EL's {@code a} and {@code d} cannot be identified (EL = 1 for every point); unless
 * pinned by the caller they are then pinned at Ling's values and reported as pinned.
 */
public final class FitProblem {

    private final List<FitPoint> points;
    private final String metric;
    private final Map<FitParameter, Double> pinned;
    private final FitOptions options;
    private final String dataHash;
    private final Map<FitParameter, Double> requestedPins;
    private final Map<FitParameter, Prior> priors;
    private final List<FitPoint> heldOut;
    private final List<String> heldOutGroups;
    private final Set<Integer> fittedTables;
    private final List<ElObservation> elObservations;
    private final List<DenseSource> denseSources;

    private FitProblem(List<FitPoint> points, String metric, Map<FitParameter, Double> pinned, FitOptions options,
                       Set<Integer> fittedTables) {
        this(points, metric, pinned, options, Map.of(), List.of(), List.of(), fittedTables, List.of(), List.of());
    }

    private FitProblem(List<FitPoint> points, String metric, Map<FitParameter, Double> pinned, FitOptions options,
                       Map<FitParameter, Prior> priors, List<FitPoint> heldOut, List<String> heldOutGroups,
                       Set<Integer> fittedTables, List<ElObservation> elObservations, List<DenseSource> denseSources) {
        if (heldOutGroups.size() != heldOut.size()) {
            throw new IllegalArgumentException("one group per held-out point");
        }
        this.heldOutGroups = List.copyOf(heldOutGroups);
        this.fittedTables = Set.copyOf(fittedTables);
        this.points = List.copyOf(points);
        this.metric = metric;
        this.options = options;
        EnumMap<FitParameter, Double> requested = new EnumMap<>(FitParameter.class);
        requested.putAll(pinned);
        this.requestedPins = Collections.unmodifiableMap(requested);
        EnumMap<FitParameter, Prior> priorCopy = new EnumMap<>(FitParameter.class);
        priorCopy.putAll(priors);
        this.priors = Collections.unmodifiableMap(priorCopy);
        this.heldOut = List.copyOf(heldOut);
        this.elObservations = List.copyOf(elObservations);
        this.denseSources = List.copyOf(denseSources);
        EnumMap<FitParameter, Double> pins = new EnumMap<>(FitParameter.class);
        pins.putAll(pinned);
        for (FitParameter p : priorCopy.keySet()) {
            if (pins.containsKey(p)) {
                throw new InvalidPriorException(p.label(), p.label() + " is pinned at " + pins.get(p)
                        + ": a prior can only be put on a free coefficient");
            }
        }
        if (points.stream().noneMatch(FitPoint::isMoe)) {
            // without MoE runs the data say nothing of a and d: pinned at Ling's unless a prior holds them
            if (!priorCopy.containsKey(FitParameter.A)) {
                pins.putIfAbsent(FitParameter.A, EfficiencyLeverageLaw.LING_2025.a());
            }
            if (!priorCopy.containsKey(FitParameter.D)) {
                pins.putIfAbsent(FitParameter.D, EfficiencyLeverageLaw.LING_2025.d());
            }
        }
        this.pinned = Collections.unmodifiableMap(pins);
        if (!this.denseSources.isEmpty() && pins.keySet().containsAll(EL_COEFFICIENTS)) {
            throw new InvalidFitProblemException("a joint fit shares the EL coefficients with its joined data sets, "
                    + "but every EL coefficient is pinned: the data sets would share no free EL coefficient");
        }
        Set<String> sourceIds = new java.util.HashSet<>();
        for (DenseSource d : this.denseSources) {
            if (!sourceIds.add(d.id())) {
                throw new InvalidFitProblemException("joined data set '" + d.id() + "' is given twice");
            }
        }
        if (!this.elObservations.isEmpty() && pins.keySet().containsAll(EL_COEFFICIENTS)) {
            throw new InvalidFitProblemException("a joint fit shares the EL coefficients with its joined sources, "
                    + "but every EL coefficient is pinned: the joined sources would change nothing");
        }
        for (Map.Entry<FitParameter, Double> e : pins.entrySet()) {
            if (e.getValue() == null || !e.getKey().admits(e.getValue())) {
                throw new InvalidFitProblemException("pinned " + e.getKey().label() + " = " + e.getValue()
                        + " lies outside its admissible range");
            }
        }
        int free = FitParameter.values().length - pins.size();
        if (free == 0) {
            throw new InvalidFitProblemException("every coefficient is pinned: nothing to fit");
        }
        int unheld = free - priorCopy.size();
        if (points.size() <= unheld) {
            throw new InvalidFitProblemException("a fit of " + unheld + " free coefficients without a prior needs "
                    + "more than " + unheld + " runs, got " + points.size());
        }
        for (FitPoint p : this.heldOut) {
            if (p == null) {
                throw new InvalidFitProblemException("a held-out point is null");
            }
        }
        this.dataHash = this.denseSources.isEmpty() ? hash(metric, this.points) : hash(metric, this.points,
                this.denseSources);
    }

    /** Runs with the default pins ({@link FitParameter#defaultPins()}). */
    public static FitProblem of(List<TrainingRun> runs, FitOptions options) {
        return of(runs, Map.of(), options);
    }

    /**
     * Runs with the default pins, overridden or extended by {@code pins} (names as {@link FitParameter#label()}).
     *
     * @throws InvalidFitProblemException for an unknown name, runs without tokens, mixed metrics or too few runs
     */
    public static FitProblem of(List<TrainingRun> runs, Map<String, Double> pins, FitOptions options) {
        Map<FitParameter, Double> all = new EnumMap<>(FitParameter.class);
        all.putAll(FitParameter.defaultPins());
        all.putAll(parsePins(pins));
        return ofPinned(runs, all, options);
    }

    /** Runs with exactly these pins (everything else free, e.g. to free γ). */
    public static FitProblem ofPinned(List<TrainingRun> runs, Map<FitParameter, Double> pins, FitOptions options) {
        if (runs.isEmpty()) {
            throw new InvalidFitProblemException("no runs to fit");
        }
        Set<String> metrics = new LinkedHashSet<>();
        List<String> noTokens = new ArrayList<>();
        List<FitPoint> points = new ArrayList<>();
        for (TrainingRun r : runs) {
            metrics.add(r.metric());
            if (!r.hasTokens()) {
                noTokens.add(r.runId());
            } else {
                points.add(FitPoint.of(r));
            }
        }
        if (metrics.size() > 1) {
            throw new InvalidFitProblemException("one fit takes one metric, got " + metrics);
        }
        if (!noTokens.isEmpty()) {
            throw new InvalidFitProblemException("runs without a token count cannot be fitted: " + noTokens);
        }
        Set<Integer> tables = new java.util.HashSet<>();
        runs.stream().filter(r -> r.table() != null).forEach(r -> tables.add(r.table()));
        return new FitProblem(points, metrics.iterator().next(), pins, options, tables);
    }

    /** Points built directly (e.g. synthetic), with exactly these pins. */
    public static FitProblem ofPoints(List<FitPoint> points, String metric, Map<FitParameter, Double> pins,
                                      FitOptions options) {
        return new FitProblem(points, metric, pins, options, Set.of());
    }

    /** Pin names to parameters; an unknown name is refused. */
    public static Map<FitParameter, Double> parsePins(Map<String, Double> pins) {
        Map<FitParameter, Double> parsed = new EnumMap<>(FitParameter.class);
        for (Map.Entry<String, Double> e : pins.entrySet()) {
            FitParameter p = FitParameter.fromLabel(e.getKey()).orElseThrow(() -> new InvalidFitProblemException(
                    "unknown coefficient '" + e.getKey() + "' (known: E, A_N, B_D, alpha, beta, a, d, gamma, betaG, aStart, aMax)"));
            parsed.put(p, e.getValue());
        }
        return parsed;
    }

    public FitProblem withOptions(FitOptions other) {
        return new FitProblem(points, metric, requestedPins, other, priors, heldOut, heldOutGroups, fittedTables,
                elObservations, denseSources);
    }

    /**
     * The same problem with Gaussian priors on free coefficients ({@link Prior}; the objective gains
     * {@code δ²·Σ ½·z²}).
     *
     * @throws InvalidPriorException for a prior on a pinned coefficient
     */
    public FitProblem withPriors(Map<FitParameter, Prior> newPriors) {
        return new FitProblem(points, metric, requestedPins, options, newPriors, heldOut, heldOutGroups, fittedTables,
                elObservations, denseSources);
    }

    /**
     * The same problem with points held out of the fit and predicted by its model (a test on runs the fit never
     * saw, e.g. [ER] Tables 14–17 for a fit of Tables 9–13); they must be of the same metric. All in one group,
     * {@link HeldOutGroup#UNLABELLED}.
     */
    public FitProblem withHeldOut(List<FitPoint> held) {
        return withHeldOut(held, java.util.Collections.nCopies(held.size(), HeldOutGroup.UNLABELLED));
    }

    private FitProblem withHeldOut(List<FitPoint> held, List<String> groups) {
        return new FitProblem(points, metric, requestedPins, options, priors, held, groups, fittedTables,
                elObservations, denseSources);
    }

    /**
     * A joint fit: the same problem with EL observations of other sources ({@link ElObservation}), which share the
     * EL coefficients and nothing else (their dense coefficients cancel, so no unit is mixed).
     *
     * @throws InvalidFitProblemException when every EL coefficient is pinned (nothing shared to fit)
     */
    public FitProblem withElObservations(List<ElObservation> observations) {
        return new FitProblem(points, metric, requestedPins, options, priors, heldOut, heldOutGroups, fittedTables,
                observations, denseSources);
    }

    /**
     * A joint fit with data sets of their own loss level ({@link DenseSource}): their runs enter as runs, with their
     * own E, A_N, B_D and the shared α, β and EL coefficients.
     *
     * @throws InvalidFitProblemException when every EL coefficient is pinned (no free EL coefficient shared) or a
     *                                    data set is given twice
     */
    public FitProblem withDenseSources(List<DenseSource> sources) {
        return new FitProblem(points, metric, requestedPins, options, priors, heldOut, heldOutGroups, fittedTables,
                elObservations, sources);
    }

    /** Joined data sets with their own dense coefficients (empty: none). */
    public List<DenseSource> denseSources() {
        return denseSources;
    }

    /** EL observations of joined sources (empty: a fit of one data set). */
    public List<ElObservation> elObservations() {
        return elObservations;
    }

    /** The EL law's coefficients, the ones a joint fit shares. */
    public static final Set<FitParameter> EL_COEFFICIENTS = Collections.unmodifiableSet(EnumSet.of(FitParameter.A,
            FitParameter.D, FitParameter.GAMMA, FitParameter.BETA_G, FitParameter.A_START, FitParameter.A_MAX));

    /**
     * Held-out runs (same metric), each a point in its group ({@link HeldOutGroup}: a fitted table's runs the
     * selection left out, or the other tables'); runs without a token count are skipped.
     */
    public FitProblem withHeldOutRuns(List<TrainingRun> runs) {
        List<FitPoint> held = new ArrayList<>();
        List<TrainingRun> kept = new ArrayList<>();
        for (TrainingRun r : runs) {
            if (!r.metric().equals(metric)) {
                throw new InvalidFitProblemException("held-out run " + r.runId() + " has metric " + r.metric()
                        + ", the fit " + metric);
            }
            if (r.hasTokens()) {
                held.add(FitPoint.of(r));
                kept.add(r);
            }
        }
        return withHeldOut(held, HeldOutGroup.labels(kept, fittedTables));
    }

    /** Priors on free coefficients (empty: none). */
    public Map<FitParameter, Prior> priors() {
        return priors;
    }

    /** Points predicted by the fitted model but not fitted. */
    public List<FitPoint> heldOut() {
        return heldOut;
    }

    /** Per held-out point (same order), its group ({@link HeldOutGroup}). */
    public List<String> heldOutGroups() {
        return heldOutGroups;
    }

    /** Per point, its duplicate group ({@link ConfigurationGroups}): held out together in leave-one-run-out. */
    public int[] groups() {
        return ConfigurationGroups.of(points);
    }

    public List<FitPoint> points() {
        return points;
    }

    public String metric() {
        return metric;
    }

    public Map<FitParameter, Double> pinned() {
        return pinned;
    }

    /** The free coefficients, in {@link FitParameter} order. */
    public Set<FitParameter> free() {
        Set<FitParameter> free = EnumSet.allOf(FitParameter.class);
        free.removeAll(pinned.keySet());
        return free;
    }

    public FitOptions options() {
        return options;
    }

    /** SHA-256 (hex) of the metric and, per point in order, its id and the exact bits of its numbers. */
    public String dataHash() {
        return dataHash;
    }

    private static String hash(String metric, List<FitPoint> points) {
        return hash(metric, points, List.of());
    }

    /** With joined data sets: each one's id, metric and points after the fitted points. */
    private static String hash(String metric, List<FitPoint> points, List<DenseSource> sources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(metric.getBytes(StandardCharsets.UTF_8));
            update(sha, points);
            for (DenseSource d : sources) {
                sha.update((byte) 1);
                sha.update((d.id() + "\n" + d.metric()).getBytes(StandardCharsets.UTF_8));
                update(sha, d.points());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static void update(MessageDigest sha, List<FitPoint> points) {
        ByteBuffer buf = ByteBuffer.allocate(7 * Double.BYTES);
            for (FitPoint p : points) {
                sha.update((byte) 0);
                sha.update(p.runId().getBytes(StandardCharsets.UTF_8));
                buf.clear();
                for (double v : new double[] {p.activeParams(), p.tokens(), p.uniqueTokens(), p.activationRatio(),
                        p.granularity(), p.compute(), p.observed()}) {
                    buf.putDouble(v);
                }
                sha.update(buf.array());
            }
    }
}
