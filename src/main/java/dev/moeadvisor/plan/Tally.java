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
    private final Candidate[] buckets;
    private final long[] failures = new long[CONSTRAINTS.length];
    private final long[] sole = new long[CONSTRAINTS.length];
    private final LossHistogram[] soleLosses = new LossHistogram[CONSTRAINTS.length];
    private long evaluated;
    private long rejected;
    private double minTotalParams = Double.POSITIVE_INFINITY;
    private double minTrainableCompute = Double.POSITIVE_INFINITY;
    /** The GPU memory check of the request's hardware at its own compute, or {@code null}. */
    private final GpuFitCheck gpuFit;

    Tally(PlanRequest request, MoeLossModel model, double computeFlops, int bucketCount) {
        this.request = request;
        this.model = model;
        this.computeFlops = computeFlops;
        this.buckets = new Candidate[bucketCount];
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
        double epochs = request.hasAmpleData() ? 0.0 : tokens / request.uniqueTokens();
        int failed = failures(shape, m, tokens, epochs);
        evaluated++;
        minTotalParams = Math.min(minTotalParams, m.totalParams());
        minTrainableCompute = Math.min(minTrainableCompute,
                MIN_TOKENS_PER_ACTIVE_PARAM * m.activeParams() * m.flopsPerTokenTraining());
        if (failed != 0) {
            rejected++;
            for (Constraint c : CONSTRAINTS) {
                if ((failed & c.bit()) != 0) {
                    failures[c.ordinal()]++;
                }
            }
        }
        if (Integer.bitCount(failed) <= 1) {
            double loss = loss(m, tokens);
            if (failed == 0) {
                Candidate best = buckets[bucket];
                if (best == null || Ranking.better(loss, m.totalParams(), best.loss(), best.totalParams())) {
                    buckets[bucket] = candidate(shape, m, tokens, epochs, loss);
                }
            } else {
                int c = Integer.numberOfTrailingZeros(failed);
                sole[c]++;
                if (soleLosses[c] == null) {
                    soleLosses[c] = new LossHistogram();
                }
                soleLosses[c].add(loss);
            }
        }
        return (failed & Constraint.TOO_FEW_TOKENS.bit()) == 0;
    }

    /**
     * The constraints a shape fails. GPU memory ({@link GpuFitCheck}) is checked at the request's own compute only
     * (not in the dense compute-to-match solve, a question of the loss model) and only for shapes failing at most
     * one other constraint (a shape failing two is neither feasible nor held back by one alone), so its failure
     * count leaves those out.
     */
    private int failures(ModelShape shape, ShapeMetrics m, double tokens, double epochs) {
        int failed = 0;
        if (tooFewTokens(m, computeFlops)) {
            failed |= Constraint.TOO_FEW_TOKENS.bit();
        }
        if (m.totalParams() > request.maxTotalParams()) {
            failed |= Constraint.MEMORY_CAP.bit();
        }
        if (request.hasFixedTotalParams()
                && Math.abs(m.totalParams() / request.fixedTotalParams() - 1.0) > request.fixedTotalParamsTolerance()) {
            failed |= Constraint.FIXED_TOTAL_PARAMS.bit();
        }
        if (epochs > request.maxEpochs()) {
            failed |= Constraint.MAX_EPOCHS.bit();
        }
        if (shape.isMoe()) {
            if (shape.experts() % request.expertParallelDegree() != 0) {
                failed |= Constraint.EXPERT_PARALLEL.bit();
            }
            if (m.activationRatioLing() < request.bounds().minActivationRatio()) {
                failed |= Constraint.MIN_ACTIVATION.bit();
            }
        }
        if (gpuFit != null && Integer.bitCount(failed) < 2 && !gpuFit.fits(shape)) {
            failed |= Constraint.GPU_MEMORY.bit();
        }
        return failed;
    }


    /** True when {@code computeFlops} trains the shape on fewer than {@link #MIN_TOKENS_PER_ACTIVE_PARAM} tokens per active parameter. */
    static boolean tooFewTokens(ShapeMetrics m, double computeFlops) {
        return computeFlops / m.flopsPerTokenTraining() < MIN_TOKENS_PER_ACTIVE_PARAM * m.activeParams();
    }

    private double loss(ShapeMetrics m, double tokens) {
        return model.loss(m.activeParams(), tokens, request.uniqueTokens(), m.activationRatioLing(), m.granularity(),
                computeFlops);
    }

    private Candidate candidate(ModelShape shape, ShapeMetrics m, double tokens, double epochs, double loss) {
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
