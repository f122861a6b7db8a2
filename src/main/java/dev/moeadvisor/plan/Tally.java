package dev.moeadvisor.plan;

import dev.moeadvisor.law.MoeLossModel;
import dev.moeadvisor.memory.GpuFitCheck;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates grid shapes under one budget and keeps what the plan needs: the best feasible shape per bucket
 * (the diversity key of the alternatives), failure counts per constraint, and a fixed-size histogram of the losses
 * of shapes that fail a single constraint (to tell later which constraint held back better shapes): its memory does
 * not grow with the grid. One instance per search; not thread-safe.
 */
final class Tally {

    /** Least training tokens per active parameter: below one, the budget cannot train the shape. */
    static final double MIN_TOKENS_PER_ACTIVE_PARAM = 1.0;
    /** Ling fitted the EL law on points with EL below 6 (arXiv 2507.17702, §3). */
    static final double EL_FIT_LIMIT = 6.0;

    private static final Constraint[] CONSTRAINTS = Constraint.values();

    private final PlanRequest request;
    private final MoeLossModel model;
    private final double computeFlops;
    /** Relative margin of {@link #cutoff} for shapes failing one constraint. */
    static final double CUTOFF_MARGIN = 1e-9;

    private final Candidate[] buckets;
    /** Each bucket's best loss and total parameters (+∞ while empty), read on the hot path. */
    private final double[] bestLoss;
    private final double[] bestTotalParams;
    private final boolean[] hasBest;
    private double bestFeasibleLoss = Double.POSITIVE_INFINITY;
    /**
     * Evaluated shapes per failure set (the bit set of {@link Constraint#bit()}s): the hot path adds one to one cell,
     * and {@link #rejections} sums the cells into counts per constraint.
     */
    private final long[] byFailures = new long[1 << CONSTRAINTS.length];
    private final long[] sole = new long[CONSTRAINTS.length];
    private final LossHistogram[] soleLosses = new LossHistogram[CONSTRAINTS.length];
    private double minTotalParams = Double.POSITIVE_INFINITY;
    private double minTrainableCompute = Double.POSITIVE_INFINITY;
    /** The GPU memory check of the request's hardware at its own compute, or {@code null}. */
    private final GpuFitCheck gpuFit;

    Tally(PlanRequest request, MoeLossModel model, double computeFlops, int bucketCount) {
        this.request = request;
        this.model = model;
        this.computeFlops = computeFlops;
        this.buckets = new Candidate[bucketCount];
        this.bestLoss = new double[bucketCount];
        this.bestTotalParams = new double[bucketCount];
        this.hasBest = new boolean[bucketCount];
        Arrays.fill(bestLoss, Double.POSITIVE_INFINITY);
        Arrays.fill(bestTotalParams, Double.POSITIVE_INFINITY);
        Hardware h = request.hardware();
        this.gpuFit = h != null && h.hasMemory() && computeFlops == request.computeFlops()
                ? new GpuFitCheck(h.gpus(), h.bytesPerGpu(), h.training(request.seqLen())) : null;
    }

    /**
     * Evaluates one shape into {@code bucket}; returns false when the shape has too few tokens (the caller may
     * stop growing the shape).
     */
    boolean offer(ModelShape shape, int bucket) {
        ShapeMetrics m = ShapeMetrics.of(shape);
        double tokens = computeFlops / m.flopsPerTokenTraining();
        double epochs = epochs(tokens);
        int failed = failures(m.totalParams(), m.activeParams(), m.flopsPerTokenTraining(), epochs, shape.isMoe(),
                shape.experts(), m.activationRatioLing());
        if (checksGpuMemory(failed)) {
            failed |= gpuFailure(shape);
        }
        count(failed, m.totalParams(), m.activeParams(), m.flopsPerTokenTraining());
        if (scored(failed)) {
            double loss = loss(m, tokens);
            if (failed == 0) {
                if (improves(bucket, loss, m.totalParams())) {
                    keep(bucket, candidate(shape, m, tokens, epochs, loss));
                }
            } else {
                soleFailure(failed, loss);
            }
        }
        return trainable(failed);
    }

    /** Passes over the unique data at {@code tokens} (0 with ample data). */
    double epochs(double tokens) {
        return request.hasAmpleData() ? 0.0 : tokens / request.uniqueTokens();
    }

    /**
     * The constraints a shape with these counts fails, GPU memory aside ({@link #checksGpuMemory}, then
     * {@link #gpuFailure}). GPU memory ({@link GpuFitCheck}) is checked at the request's own compute only (not in the
     * dense compute-to-match solve, a question of the loss model) and only for shapes failing at most one other
     * constraint (a shape failing two is neither feasible nor held back by one alone), so its failure count leaves
     * those out.
     */
    int failures(double totalParams, double activeParams, double flopsPerToken, double epochs, boolean moe,
                 int experts, double activationRatio) {
        int failed = sizeFailures(totalParams, activeParams, computeFlops / flopsPerToken, epochs);
        return moe ? failed | expertFailures(experts, activationRatio) : failed;
    }

    /**
     * The constraints of {@link #failures} that depend on a shape's size, {@code tokens} being
     * {@code computeFlops / flopsPerToken}: the grid computes it once per shape for this and {@link #epochs}.
     */
    int sizeFailures(double totalParams, double activeParams, double tokens, double epochs) {
        int failed = 0;
        if (tokens < MIN_TOKENS_PER_ACTIVE_PARAM * activeParams) {
            failed |= Constraint.TOO_FEW_TOKENS.bit();
        }
        if (totalParams > request.maxTotalParams()) {
            failed |= Constraint.MEMORY_CAP.bit();
        }
        if (request.hasFixedTotalParams()
                && Math.abs(totalParams / request.fixedTotalParams() - 1.0) > request.fixedTotalParamsTolerance()) {
            failed |= Constraint.FIXED_TOTAL_PARAMS.bit();
        }
        if (epochs > request.maxEpochs()) {
            failed |= Constraint.MAX_EPOCHS.bit();
        }
        return failed;
    }

    /**
     * The constraints of {@link #failures} that a MoE shape's E and activation ratio decide alone: the same for every
     * shape of a grid row's E.
     */
    int expertFailures(int experts, double activationRatio) {
        int failed = 0;
        if (experts % request.expertParallelDegree() != 0) {
            failed |= Constraint.EXPERT_PARALLEL.bit();
        }
        if (activationRatio < request.bounds().minActivationRatio()) {
            failed |= Constraint.MIN_ACTIVATION.bit();
        }
        return failed;
    }

    /**
     * The failure set ({@link #sizeFailures}) that every shape with {@code N_total} in {@code [minTotal, maxTotal]}
     * and {@code N_active} in {@code [minActive, maxActive]} has, {@code minFlops} and {@code maxFlops} being the
     * FLOPs per token of the extreme {@code N_active} (M grows with it); −1 when the extremes do not settle it. Each
     * size constraint depends on one count and is monotone in it (fewer tokens and epochs as {@code N_active} grows, a
     * cap on {@code N_total}), so a failure set shared by the extremes is every shape's, except the fixed total
     * (a window, failed on both sides): both extremes failing it on the same side.
     */
    int sizeFailuresBetween(double minTotal, double maxTotal, double minActive, double minFlops, double maxActive,
                            double maxFlops) {
        double mostTokens = computeFlops / minFlops;
        double leastTokens = computeFlops / maxFlops;
        int least = sizeFailures(minTotal, minActive, mostTokens, epochs(mostTokens));
        int most = sizeFailures(maxTotal, maxActive, leastTokens, epochs(leastTokens));
        if (least != most) {
            return -1;
        }
        if ((least & Constraint.FIXED_TOTAL_PARAMS.bit()) != 0
                && (minTotal / request.fixedTotalParams() - 1.0 < 0) != (maxTotal / request.fixedTotalParams() - 1.0 < 0)) {
            return -1;
        }
        return least;
    }

    /** True when the GPU memory check applies to some shapes ({@link #checksGpuMemory(int)}). */
    boolean checksGpuMemory() {
        return gpuFit != null;
    }

    /** True when the GPU memory check applies to a shape failing {@code failed}: it needs the shape itself. */
    boolean checksGpuMemory(int failed) {
        return gpuFit != null && Integer.bitCount(failed) < 2;
    }

    /** The GPU memory bit when {@code shape} fits no parallel layout of the request's GPUs, else 0. */
    int gpuFailure(ModelShape shape) {
        return gpuFit.fits(shape) ? 0 : Constraint.GPU_MEMORY.bit();
    }

    /** Counts one evaluated shape failing {@code failed}. */
    void count(int failed, double totalParams, double activeParams, double flopsPerToken) {
        byFailures[failed]++;
        countLeast(totalParams, activeParams, flopsPerToken);
    }

    /**
     * Counts {@code shapes} shapes failing {@code failed} whose losses, when scored, are known to be above
     * {@link #cutoff} ({@link #soleFailureAboveCutoff}); {@link #countLeast} takes their least counts.
     */
    void countAboveCutoff(int failed, int shapes) {
        byFailures[failed] += shapes;
        if (failed != 0 && scored(failed)) {
            sole[Integer.numberOfTrailingZeros(failed)] += shapes;
        }
    }

    /** Takes counted shapes' least total parameters and least compute to train: of one shape, or of a whole row's. */
    void countLeast(double totalParams, double activeParams, double flopsPerToken) {
        // counts are positive and finite: a comparison is Math.min here
        if (totalParams < minTotalParams) {
            minTotalParams = totalParams;
        }
        double trainableCompute = MIN_TOKENS_PER_ACTIVE_PARAM * activeParams * flopsPerToken;
        if (trainableCompute < minTrainableCompute) {
            minTrainableCompute = trainableCompute;
        }
    }

    /** True when a shape failing {@code failed} is scored: feasible, or failing a single constraint. */
    static boolean scored(int failed) {
        return Integer.bitCount(failed) <= 1;
    }

    /** False when a shape failing {@code failed} has too few tokens (a wider shape has fewer still). */
    static boolean trainable(int failed) {
        return (failed & Constraint.TOO_FEW_TOKENS.bit()) == 0;
    }

    /**
     * A loss at or above which a shape failing {@code failed} (scored) changes nothing this tally reports: when
     * feasible, its bucket's best loss plus the ranking's tie; when failing one constraint, the best feasible loss so
     * far (the final recommendation's is no higher, up to the tie) with a margin of 1e-9 that also covers a tie
     * broken by size and the histogram's binning ({@link LossHistogram#countBelow} counts lower bins only).
     * {@code +∞} while there is nothing to compare with.
     */
    double cutoff(int failed, int bucket) {
        if (failed == 0) {
            double best = bestLoss[bucket];
            return best + Ranking.TIE * Math.abs(best);
        }
        return bestFeasibleLoss * (1 + CUTOFF_MARGIN);
    }

    /** True when a feasible shape of {@code loss} and {@code totalParams} would be its bucket's new best. */
    boolean improves(int bucket, double loss, double totalParams) {
        return !hasBest[bucket] || Ranking.better(loss, totalParams, bestLoss[bucket], bestTotalParams[bucket]);
    }

    /** Makes {@code candidate} its bucket's best. */
    void keep(int bucket, Candidate candidate) {
        keep(bucket, candidate.loss(), candidate.totalParams());
        buckets[bucket] = candidate;
    }

    /**
     * Makes a shape of {@code loss} and {@code totalParams} its bucket's best, its candidate to follow
     * ({@link #keep(int, Candidate)}) before {@link #bucketBests}.
     */
    void keep(int bucket, double loss, double totalParams) {
        bestLoss[bucket] = loss;
        bestTotalParams[bucket] = totalParams;
        hasBest[bucket] = true;
        bestFeasibleLoss = Math.min(bestFeasibleLoss, loss);
    }

    /** The best loss of {@code bucket} so far ({@code +∞} while empty). */
    double bestLoss(int bucket) {
        return bestLoss[bucket];
    }

    /** The best loss of any bucket so far ({@code +∞} while none). */
    double bestFeasibleLoss() {
        return bestFeasibleLoss;
    }

    /** Records the loss of a shape failing the single constraint {@code failed}. */
    void soleFailure(int failed, double loss) {
        int c = Integer.numberOfTrailingZeros(failed);
        sole[c]++;
        if (soleLosses[c] == null) {
            soleLosses[c] = new LossHistogram();
        }
        soleLosses[c].add(loss);
    }

    /** Counts a shape failing the single constraint {@code failed} whose loss is known to be above {@link #cutoff}. */
    void soleFailureAboveCutoff(int failed) {
        sole[Integer.numberOfTrailingZeros(failed)]++;
    }

    /** True when {@code computeFlops} trains the shape on fewer than {@link #MIN_TOKENS_PER_ACTIVE_PARAM} tokens per active parameter. */
    static boolean tooFewTokens(ShapeMetrics m, double computeFlops) {
        return computeFlops / m.flopsPerTokenTraining() < MIN_TOKENS_PER_ACTIVE_PARAM * m.activeParams();
    }

    private double loss(ShapeMetrics m, double tokens) {
        return model.loss(m.activeParams(), tokens, request.uniqueTokens(), m.activationRatioLing(), m.granularity(),
                computeFlops);
    }

    /** The candidate of a scored shape (built only for a bucket's new best). */
    Candidate candidate(ModelShape shape, ShapeMetrics m, double tokens, double epochs, double loss) {
        return Tally.evaluate(model, shape, m, tokens, epochs, loss, computeFlops);
    }

    /** A candidate with its EL and extrapolation flag under {@code model}. */
    static Candidate evaluate(MoeLossModel model, ModelShape shape, ShapeMetrics m, double tokens, double epochs,
                              double loss, double computeFlops) {
        double a = m.activationRatioLing();
        double g = m.granularity();
        double el = model.el().value(a, g, computeFlops);
        boolean extrapolated = shape.isMoe() && (model.el().extrapolates(a, g, computeFlops) || el > EL_FIT_LIMIT);
        return new Candidate(shape, m, tokens, epochs, loss, el, extrapolated);
    }

    /** The best feasible shape of each bucket, best first. */
    List<Candidate> bucketBests() {
        List<Candidate> out = new ArrayList<>(Arrays.stream(buckets).filter(Objects::nonNull).toList());
        out.sort(Ranking.ORDER);
        return out;
    }

    /** The counts, with "better" judged against {@code reference} (null when nothing is feasible). */
    Rejections rejections(Candidate reference) {
        Map<String, Long> by = new LinkedHashMap<>();
        Map<String, Long> soleBy = new LinkedHashMap<>();
        Map<String, Long> better = new LinkedHashMap<>();
        long evaluated = 0;
        long[] failures = new long[CONSTRAINTS.length];
        for (int set = 0; set < byFailures.length; set++) {
            evaluated += byFailures[set];
            for (int bits = set; bits != 0; bits &= bits - 1) {
                failures[Integer.numberOfTrailingZeros(bits)] += byFailures[set];
            }
        }
        long rejected = evaluated - byFailures[0];
        for (Constraint c : CONSTRAINTS) {
            int i = c.ordinal();
            by.put(c.id(), failures[i]);
            soleBy.put(c.id(), sole[i]);
            better.put(c.id(), reference == null || soleLosses[i] == null ? 0L
                    : soleLosses[i].countBelow(reference.loss()));
        }
        return new Rejections(evaluated, rejected, by, soleBy, better);
    }

    /** Fewest total parameters of any evaluated shape. */
    double minTotalParams() {
        return minTotalParams;
    }

    /** Least compute that gives some evaluated shape enough tokens ({@code D = N_active}). */
    double minTrainableCompute() {
        return minTrainableCompute;
    }
}
