package dev.moeadvisor.plan;

import dev.moeadvisor.law.MoeLossModel;
import dev.moeadvisor.shape.ModelShape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The isoFLOP views of one budget, cheaply: the best shape per (E, k) bucket against Ling's activation ratio A, the
 * best shape per granularity band against {@code G = 2·d_model/d_expert} (arXiv 2507.17702 §3), the best shape overall under the fixed E, k and G, and the best dense
 * shape. It reuses the planner's search ({@link ShapeSearch}: the same grid, constraints and ranking as a plan) and
 * nothing else of a plan: no bootstrap, no bound probes, no compute-to-match, no alternatives.
 *
 * <p>What it runs, all under one {@link SearchLimits} (one deadline, one cancellation flag):
 * <ul>
 *   <li>one full MoE search with the G fix (if any) and every E and k: its ranked bucket bests are the loss-against-A
 *       view ({@code A = (k+s)/(E+s)}, arXiv 2507.17702 §2), and the best of the buckets matching the E and k fixes is
 *       the best shape;</li>
 *   <li>one best-only MoE search per granularity band ({@link #granularityBands}: a quarter-octave either side of
 *       {@code G = 2^(i/2)} inside the request's granularity bounds) with the E and k fixes and without the G fix:
 *       the loss-against-G view. The bands cover the bounds, and the search's ladders do not depend on the bounds
 *       ({@link Ladder}), so the best of the bands is the full search's best;</li>
 *   <li>the planner's dense search ({@link ShapeSearch#dense}) at the same budget: the dense baseline.</li>
 * </ul>
 * A fixed E must be one of the search's expert counts ({@link #expertCounts}); a fixed G means "within a
 * quarter-octave of G" ({@link #band}). Admission is the plan's ({@link Planner#admit}) on the request without the
 * fixes, the largest grid any of the searches visits; together they visit at most about twice that grid.
 */
public final class IsoFlopExplorer {

    /** Granularity bands per octave: centres {@code 2^(i/2)}, each a quarter-octave either side. */
    static final int BANDS_PER_OCTAVE = 2;

    private final MoeLossModel model;

    public IsoFlopExplorer(MoeLossModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * What to hold fixed; {@code null} = any.
     *
     * @param experts     routed experts E (one of {@link #expertCounts})
     * @param topK        routed experts per token k
     * @param granularity G, held within a quarter-octave ({@link #band})
     */
    public record Fixes(Integer experts, Integer topK, Double granularity) {
        public static final Fixes NONE = new Fixes(null, null, null);

        /** True when {@code c} has the fixed E and k (always, when neither is fixed). */
        public boolean matches(Candidate c) {
            return (experts == null || c.shape().experts() == experts) && (topK == null || c.shape().topK() == topK);
        }
    }

    /**
     * One granularity band and its best shape.
     *
     * @param granularity the band's centre
     * @param min         its lower end
     * @param max         its upper end
     * @param best        the best feasible MoE shape with G in {@code [min, max]} (under the E and k fixes), if any
     */
    public record Band(double granularity, double min, double max, Optional<Candidate> best) {
    }

    /**
     * The views.
     *
     * @param byActivation  the best shape of every (E, k) bucket under the G fix, best first (the plan's ranking)
     * @param byGranularity one entry per granularity band, ascending G, under the E and k fixes
     * @param best          the best shape under every fix; empty when none is feasible
     * @param dense         the best dense shape under the same budget and constraints, if any
     * @param binding       the constraint that binds when no MoE shape of the full search is feasible
     * @param shapes        the grid size admitted ({@link GridEstimate#shapes} of the request without the fixes)
     */
    public record Result(List<Candidate> byActivation, List<Band> byGranularity, Optional<Candidate> best,
                         Optional<Candidate> dense, Optional<Constraint> binding, long shapes) {
    }

    /**
     * Explores {@code request}'s budget under {@code fixes}.
     *
     * @throws PlanRequestException  when a fix is not one the search can hold (named field)
     * @throws PlanTooLargeException when the grid exceeds {@code limits}' work budget
     * @throws PlanAbortedException  past the deadline, or when cancelled
     */
    public Result explore(PlanRequest request, Fixes fixes, SearchLimits limits) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(fixes, "fixes");
        check(request, fixes);
        Planner.admit(request, limits);
        long shapes = GridEstimate.shapes(request);

        PlanRequest byA = fixes.granularity() == null ? request : withGranularity(request, band(request, fixes.granularity()));
        ShapeSearch main = new ShapeSearch(new SearchSpace(byA), model, limits);
        ShapeSearch.Outcome moe = main.moe();
        Optional<Candidate> best = moe.ranked().stream().filter(fixes::matches).findFirst();

        PlanRequest byG = withExpertsAndTopK(request, fixes);
        List<Band> bands = new ArrayList<>();
        for (double[] b : granularityBands(request)) {
            Optional<Candidate> inBand = new ShapeSearch(new SearchSpace(withGranularity(byG, b)), model, limits)
                    .bestMoeBelow(Double.POSITIVE_INFINITY);
            bands.add(new Band(b[2], b[0], b[1], inBand));
        }
        Optional<Candidate> dense = new ShapeSearch(new SearchSpace(request), model, limits).dense(request.computeFlops())
                .best();
        return new Result(moe.ranked(), List.copyOf(bands), best, dense, moe.binding(), shapes);
    }

    /** The expert counts the search visits for {@code request} (a fixed E must be one of them), ascending. */
    public static int[] expertCounts(PlanRequest request) {
        return new SearchSpace(request).experts().clone();
    }

    /**
     * The granularity bands inside the request's bounds: centres {@code g = 2^(i/2)} from the lower bound up (within
     * the granularities a grid point can have), each {@code [g·2^(−1/4), g·2^(1/4)]} clipped to the bounds, the
     * first and last reaching the bounds; as {@code {min, max, centre}}, ascending.
     */
    public static List<double[]> granularityBands(PlanRequest request) {
        EvidenceBounds b = request.bounds();
        double half = Math.pow(2, 0.5 / BANDS_PER_OCTAVE);
        // only where a grid point can lie: G = 2·d_model/d_expert with d_model ≥ minDModel, d_expert ≥ dExpertMultiple
        // and both ≤ ModelShape.MAX_WIDTH (2^−10 to 2^15 at the defaults), so widened bounds give at most 51 bands
        double lowest = Math.max(b.minGranularity(), 2.0 * request.minDModel() / ModelShape.MAX_WIDTH);
        double highest = Math.min(b.maxGranularity(), 2.0 * ModelShape.MAX_WIDTH / request.dExpertMultiple());
        double lo = Math.log(lowest) / Math.log(2) * BANDS_PER_OCTAVE;
        double hi = Math.log(highest) / Math.log(2) * BANDS_PER_OCTAVE;
        List<double[]> out = new ArrayList<>();
        for (long i = Math.round(Math.ceil(lo - 1e-9)); i <= Math.floor(hi + 1e-9); i++) {
            double g = Math.pow(2, (double) i / BANDS_PER_OCTAVE);
            out.add(new double[] {Math.max(b.minGranularity(), g / half), Math.min(b.maxGranularity(), g * half), g});
        }
        if (out.isEmpty()) {
            double g = Math.sqrt(b.minGranularity() * b.maxGranularity());
            out.add(new double[] {b.minGranularity(), b.maxGranularity(), g});
        } else {
            // the first and last bands reach the bounds, so the bands cover them whole
            out.get(0)[0] = b.minGranularity();
            out.get(out.size() - 1)[1] = b.maxGranularity();
        }
        return out;
    }

    /** The band a fixed G stands for: {@code [G·2^(−1/4), G·2^(1/4)]} within the request's bounds, as {@code {min, max, G}}. */
    public static double[] band(PlanRequest request, double granularity) {
        EvidenceBounds b = request.bounds();
        double half = Math.pow(2, 0.5 / BANDS_PER_OCTAVE);
        return new double[] {Math.max(b.minGranularity(), granularity / half),
                Math.min(b.maxGranularity(), granularity * half), granularity};
    }

    private static void check(PlanRequest request, Fixes fixes) {
        if (fixes.topK() != null && (fixes.topK() < request.minTopK() || fixes.topK() > request.maxTopK())) {
            throw new PlanRequestException("topK", "must lie in [" + request.minTopK() + ", " + request.maxTopK()
                    + "], got " + fixes.topK());
        }
        if (fixes.experts() != null) {
            int[] counts = expertCounts(request);
            if (Arrays.stream(counts).noneMatch(e -> e == fixes.experts())) {
                throw new PlanRequestException("experts", "must be one of the searched expert counts "
                        + Arrays.toString(counts) + ", got " + fixes.experts());
            }
            int k = fixes.topK() != null ? fixes.topK() : request.minTopK();
            if (fixes.experts() <= k) {
                throw new PlanRequestException("experts", "must exceed the experts per token (" + k + "), got "
                        + fixes.experts());
            }
        }
        if (fixes.granularity() != null) {
            EvidenceBounds b = request.bounds();
            double g = fixes.granularity();
            if (!(g >= b.minGranularity() && g <= b.maxGranularity())) {
                throw new PlanRequestException("granularity", "must lie in the searched range [" + b.minGranularity()
                        + ", " + b.maxGranularity() + "], got " + g);
            }
        }
    }

    private static PlanRequest withGranularity(PlanRequest r, double[] band) {
        EvidenceBounds b = r.bounds();
        return r.toBuilder().bounds(new EvidenceBounds(b.minActivationRatio(), band[0], band[1], b.minAspectRatio(),
                b.maxAspectRatio())).build();
    }

    /**
     * The request with E and k held: k as its top-k range; E as the largest expert count with the expert-parallel
     * degree E, which leaves E the only feasible count ({@link Constraint#EXPERT_PARALLEL}).
     */
    private static PlanRequest withExpertsAndTopK(PlanRequest r, Fixes fixes) {
        PlanRequest.Builder b = r.toBuilder();
        if (fixes.topK() != null) {
            b.topK(fixes.topK(), fixes.topK());
        }
        if (fixes.experts() != null) {
            int e = fixes.experts();
            if (fixes.topK() == null && r.maxTopK() >= e) {
                b.topK(r.minTopK(), e - 1);
            }
            b.maxExperts(e).expertParallelDegree(e);
        }
        return b.build();
    }
}
