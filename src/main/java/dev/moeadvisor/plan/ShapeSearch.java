package dev.moeadvisor.plan;

import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exhaustive search over a {@link SearchSpace}, with the exhaustive answer and without building most shapes.
 * Every MoE grid point (d_model × L × d_expert × dense first layers × k × E) or dense grid point (d_model × L × d_ffn)
 * is counted ({@link GridCounts}: the numbers {@link ShapeMetrics} gives its shape, from arithmetic), checked against
 * the constraints ({@link Tally}) and, when feasible or failing a single constraint, scored with the loss model
 * unless a lower bound shows its loss cannot change the outcome. Widths grow until a whole d_model block has too few
 * tokens. A {@link ModelShape} is built only for a bucket's new best (and for the GPU memory check, which needs one).
 *
 * <p>The method (see the package documentation):
 * <ul>
 *   <li>per (d_model, L) block the attention counts come from one shape of the block built by
 *       {@link SearchSpace#moe}; per (d_model, d_expert, k, E) the efficiency leverage {@code EL(A, G, C)} is
 *       evaluated once and shared by the dense-first-layer variants;</li>
 *   <li>the variants of one (d_model, L, d_expert, k, E) differ only in their dense first layers; the loss
 *       {@code L(EL·N_active, D_eff)} falls with both arguments, so {@code L(EL·max N_active, D_eff(C/min M))} bounds
 *       all of them from below, and a variant whose bound lies above its {@link Tally#cutoff} (its bucket's best,
 *       or the best feasible loss for a shape failing one constraint) is counted but not scored;</li>
 *   <li>everything else is what the brute force does, in the same order within each (E, k) bucket, so the ranked
 *       bucket bests, the rejection counts and the binding constraint are the brute force's (a test holds it to
 *       that).</li>
 * </ul>
 */
final class ShapeSearch {

    /** Relative margin under which a lower bound is trusted (floating-point rounding of the bound). */
    static final double BOUND_MARGIN = 1e-9;

    /** Ranked bucket bests (MoE: the best feasible shape per (E, k); dense: the single best) and the counts. */
    record Outcome(List<Candidate> ranked, Rejections rejections, double minTotalParams, double minTrainableCompute) {
        Optional<Candidate> best() {
            return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
        }

        Optional<Constraint> binding() {
            return rejections.binding(!ranked.isEmpty());
        }
    }

    private final SearchSpace space;
    private final MoeLossModel model;
    private final SearchLimits limits;
    private final Leverages leverages;

    ShapeSearch(SearchSpace space, MoeLossModel model) {
        this(space, model, SearchLimits.NONE);
    }

    /** A search that checks {@code limits} (deadline, cancellation) once per (d_model, layers) block. */
    ShapeSearch(SearchSpace space, MoeLossModel model, SearchLimits limits) {
        this(space, model, limits, new Leverages(model, space.request().computeFlops()));
    }

    /** A search that shares {@code leverages} (of the same model and compute) with the plan's other searches. */
    ShapeSearch(SearchSpace space, MoeLossModel model, SearchLimits limits, Leverages leverages) {
        if (leverages.model() != model || leverages.computeFlops() != space.request().computeFlops()) {
            throw new IllegalArgumentException("the leverages are of another model or compute");
        }
        this.space = space;
        this.model = model;
        this.limits = limits;
        this.leverages = leverages;
    }

    /** This search's EL values, for the plan's other searches at the same compute (the bound probes). */
    Leverages leverages() {
        return leverages;
    }

    /**
     * {@code EL(A, G, C)} of one model at one compute, in tables shared by all the searches of a plan: the bound
     * probes' grids are the plan's with one bound moved, so most of their (A, G) pairs are the plan's. Bounded by the
     * grids' layouts and granularities; one per plan, not thread-safe.
     */
    static final class Leverages {
        private final MoeLossModel model;
        private final double computeFlops;
        private final Map<Layout, Map<Double, double[]>> tables = new HashMap<>();

        Leverages(MoeLossModel model, double computeFlops) {
            this.model = model;
            this.computeFlops = computeFlops;
        }

        MoeLossModel model() {
            return model;
        }

        double computeFlops() {
            return computeFlops;
        }

        /** The exponent of {@code EL} at granularity {@code g} and this compute ({@link EfficiencyLeverageLaw#exponent}). */
        double exponent(double g) {
            return model.el().exponent(g, computeFlops);
        }

        /**
         * {@code model.el().value(a, g, C)}, the same double, from {@link #exponent}{@code (g)}: one power per (A, G)
         * and no lookup.
         */
        double value(double a, double exponent) {
            return EfficiencyLeverageLaw.value(model.el().saturatedActivation(a), exponent);
        }

        /**
         * The EL table of one bucket layout (E values × k values, with the shared-expert rule that fixes A from (E, k)):
         * per granularity, one value per bucket ({@code E index · k count + k index}), NaN until first asked. The
         * plan's searches over the same layout (the main search and the probes that move another bound) fill and
         * read the same arrays, so each (A, G) is looked up in {@link #value} once per layout.
         */
        Map<Double, double[]> table(int[] experts, int[] topKs, int sharedExperts, boolean sharedTopKWide) {
            return tables.computeIfAbsent(new Layout(Arrays.toString(experts), Arrays.toString(topKs), sharedExperts,
                    sharedTopKWide), l -> new HashMap<>());
        }

        private record Layout(String experts, String topKs, int sharedExperts, boolean sharedTopKWide) {
        }
    }

    Outcome moe() {
        PlanRequest r = space.request();
        int[] experts = space.experts();
        int[] topKs = space.topKs();
        double c = r.computeFlops();
        Tally tally = new Tally(r, model, c, experts.length * topKs.length);
        Grid grid = new Grid(tally, Double.NaN);
        grid.seed();
        if (!visit(grid)) {
            // the search stopped before the seeded block (a seed must be a shape the search visits): without seeds
            tally = new Tally(r, model, c, experts.length * topKs.length);
            grid = new Grid(tally, Double.NaN);
            visit(grid);
        }
        grid.materialise();
        return outcome(tally);
    }

    /**
     * The best MoE shape ({@link #moe()}'s {@code best()}) when its loss is at most {@code ceiling}, else empty: what
     * a search-bound probe asks. Counts nothing and scores only shapes that could be the best and below the ceiling
     * (one cutoff for every bucket), so it is much cheaper than {@link #moe()}.
     */
    Optional<Candidate> bestMoeBelow(double ceiling) {
        PlanRequest r = space.request();
        int buckets = space.experts().length * space.topKs().length;
        Tally tally = new Tally(r, model, r.computeFlops(), buckets);
        Grid grid = new Grid(tally, ceiling);
        if (ceiling == Double.POSITIVE_INFINITY) {
            // with a finite ceiling (a bound probe's: the plan's own best) the ceiling already prunes like a seed
            grid.seed();
        }
        if (!visit(grid)) {
            tally = new Tally(r, model, r.computeFlops(), buckets);
            grid = new Grid(tally, ceiling);
            visit(grid);
        }
        grid.materialise();
        return tally.bucketBests().stream().findFirst().filter(b -> b.loss() <= ceiling);
    }

    /** Visits the MoE grid until a whole d_model block has too few tokens; false when it missed the seeded block. */
    private boolean visit(Grid grid) {
        boolean seedVisited = grid.seedDModel == 0;
        for (int dModel : space.dModels()) {
            boolean trainable = false;
            boolean any = false;
            int[] expertWidths = space.expertWidths(dModel);
            for (int layers : space.layers(dModel)) {
                limits.check();
                int visited = grid.block(dModel, layers, expertWidths, false);
                any |= visited != 0;
                trainable |= visited > 0;
            }
            seedVisited |= dModel == grid.seedDModel;
            if (any && !trainable) {
                break;
            }
        }
        return seedVisited;
    }

    /**
     * The MoE grid's hot loop and its scratch arrays: one per search, not thread-safe. Visits (d_model, L) blocks row
     * by row, a row being one (d_expert, k) with every E and dense-first-layer count.
     */
    private final class Grid {
        private final Tally tally;
        private final PlanRequest r = space.request();
        private final int[] experts = space.experts();
        private final int[] topKs = space.topKs();
        private final double c = r.computeFlops();
        private final double u = r.uniqueTokens();
        private final int minDense = r.minDenseLayers();
        private final int variants = Math.max(0, r.maxDenseLayers() - minDense + 1);
        private final double[] total = new double[experts.length * variants];
        private final double[] active = new double[experts.length * variants];
        private final double[] flops = new double[experts.length * variants];
        private final int[] failed = new int[experts.length * variants];
        private final int[] scored = new int[experts.length];
        /** Per E of the current row, true when its shapes were counted at once ({@link #countGroupsWhole}). */
        private final boolean[] countedWhole = new boolean[experts.length];
        /** Per dense-layer count of the current row: its MoE layers and {@link GridCounts#nonMoe}. */
        private final int[] rowMoe = new int[variants];
        private final double[] rowNonMoe = new double[variants];
        private final double[] maxActive = new double[experts.length];
        private final double[] minFlops = new double[experts.length];
        private final double[] leverage = new double[experts.length];
        /** EL per granularity and bucket: A depends on (k, E) alone ({@code s} is E_s or E_s·k exactly). */
        private final Map<Double, double[]> elByGranularity = leverages.table(experts, topKs, r.sharedExperts(),
                r.sharedExpertTopKWide());
        /** The d_model and width array (the one {@link #visit} passes to all its blocks) {@link #elByWidth} is of. */
        private int elDModel;
        private int[] elWidths;
        private double[][] elByWidth;
        /** Per width of {@link #elWidths}, the EL exponent at its granularity ({@link Leverages#exponent}). */
        private double[] exponentByWidth;
        /** Per bucket, the loss of a feasible shape the search will visit (+∞ when none known): see {@link #seed}. */
        private final double[] seedLoss;
        private double seedBest = Double.POSITIVE_INFINITY;
        /** The d_model of the seeded block, 0 when nothing was seeded. */
        private int seedDModel;
        /** NaN for the full search; else the best-only search's ceiling ({@link #bestMoeBelow}). */
        private final double ceiling;
        /** Each bucket's best so far as grid coordinates (its candidate is built once, by {@link #materialise}). */
        private final int[] bestAt;
        private final double[] bestTokens;

        Grid(Tally tally, double ceiling) {
            this.tally = tally;
            this.ceiling = ceiling;
            int buckets = experts.length * topKs.length;
            this.seedLoss = new double[buckets];
            Arrays.fill(seedLoss, Double.POSITIVE_INFINITY);
            this.bestAt = new int[4 * buckets];
            this.bestTokens = new double[buckets];
        }

        boolean bestOnly() {
            return !Double.isNaN(ceiling);
        }

        /** Builds the candidate of each bucket's best (best-only: of those within the margin of the best). */
        void materialise() {
            double near = tally.bestFeasibleLoss() * (1 + Tally.CUTOFF_MARGIN);
            for (int b = 0; b < bestTokens.length; b++) {
                // the best-only search needs only the buckets that may rank first
                if (bestTokens[b] > 0 && (!bestOnly() || tally.bestLoss(b) <= near)) {
                    ModelShape shape = space.moe(bestAt[4 * b], bestAt[4 * b + 1], bestAt[4 * b + 2], bestAt[4 * b + 3],
                            experts[b / topKs.length], topKs[b % topKs.length]);
                    double tokens = bestTokens[b];
                    tally.keep(b, tally.candidate(shape, ShapeMetrics.of(shape), tokens, tally.epochs(tokens),
                            tally.bestLoss(b)));
                }
            }
        }

        /**
         * Seeds the cutoffs before the search: finds the d_model at which a middle shape of the grid (middle expert
         * width, smallest k, middle E) has the least loss, then scores the first feasible shape of each (d_expert, k, E)
         * of that block (its dense-first-layer variants differ little), so each bucket starts with a loss it will
         * certainly meet ({@link #cutoff}). Counts nothing.
         */
        void seed() {
            if (variants == 0 || experts.length == 0 || topKs.length == 0) {
                return;
            }
            int k = topKs[0];
            int[] pair = Arrays.stream(experts).filter(x -> x > k).toArray();
            if (pair.length == 0) {
                return;
            }
            int e = pair[pair.length / 2];
            int bestDModel = -1;
            int bestLayers = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int dModel : space.dModels()) {
                int[] layers = space.layers(dModel);
                int[] widths = space.expertWidths(dModel);
                if (layers.length == 0 || widths.length == 0 || space.maxDenseLayers(layers[0]) < minDense
                        || !space.buildable(minDense, widths[widths.length / 2], k)) {
                    continue;
                }
                int dExpert = widths[widths.length / 2];
                int dShared = space.sharedWidth(dExpert, k);
                int dFfn = space.denseFirstLayerFfn(dExpert, k);
                GridCounts block = GridCounts.of(space.moe(dModel, layers[0], minDense, dExpert, e, k));
                double t = block.moeTotal(layers[0], minDense, dExpert, e, k, r.sharedExperts(), dShared, dFfn);
                double n = block.moeActive(layers[0], minDense, dExpert, e, k, r.sharedExperts(), dShared, dFfn);
                double m = block.flopsPerTokenTraining(n);
                double a = GridCounts.activationRatio(r.sharedExperts(), dShared, dExpert, e, k);
                int f = tally.failures(t, n, m, tally.epochs(c / m), true, e, a);
                if (!Tally.trainable(f)) {
                    break;
                }
                if (f == 0) {
                    double loss = model.loss(n, c / m, u, a, 2.0 * dModel / dExpert, c);
                    if (loss < best) {
                        best = loss;
                        bestDModel = dModel;
                        bestLayers = layers[0];
                    }
                }
            }
            if (bestDModel > 0) {
                block(bestDModel, bestLayers, space.expertWidths(bestDModel), true);
                seedDModel = bestDModel;
            }
        }

        /**
         * Visits one (d_model, L) block. Returns 0 when it holds no grid point, a positive number when some shape has
         * enough tokens, a negative one when none has.
         */
        int block(int dModel, int layers, int[] expertWidths, boolean seedOnly) {
            int maxDense = space.maxDenseLayers(layers);
            if (maxDense < minDense || expertWidths.length == 0) {
                return 0;
            }
            GridCounts block = null;
            boolean any = false;
            boolean trainable = false;
            if (dModel != elDModel || expertWidths != elWidths) {
                elDModel = dModel;
                elWidths = expertWidths;
                elByWidth = new double[expertWidths.length][];
                exponentByWidth = new double[expertWidths.length];
                for (int w = 0; w < expertWidths.length; w++) {
                    exponentByWidth[w] = leverages.exponent(2.0 * dModel / expertWidths[w]);
                    elByWidth[w] = elByGranularity.computeIfAbsent(2.0 * dModel / expertWidths[w], x -> {
                        double[] v = new double[experts.length * topKs.length];
                        Arrays.fill(v, Double.NaN);
                        return v;
                    });
                }
            }
            for (int w = 0; w < expertWidths.length; w++) {
                int dExpert = expertWidths[w];
                double[] el = elByWidth[w];
                for (int ki = 0; ki < topKs.length; ki++) {
                    int k = topKs[ki];
                    boolean denseBuildable = space.buildable(1, dExpert, k);
                    if (!space.buildable(minDense, dExpert, k)) {
                        continue;
                    }
                    int to = denseBuildable ? maxDense : 0;
                    int first = firstExpertAbove(k);
                    if (first == experts.length) {
                        continue;
                    }
                    int dShared = space.sharedWidth(dExpert, k);
                    int dFfn = space.denseFirstLayerFfn(dExpert, k);
                    if (block == null) {
                        block = GridCounts.of(space.moe(dModel, layers, minDense, dExpert, experts[first], k));
                    }
                    // what depends on the dense-layer count alone, once per row
                    for (int dense = minDense; dense <= to; dense++) {
                        int moe = block.moeLayers(layers, dense);
                        rowMoe[dense - minDense] = moe;
                        rowNonMoe[dense - minDense] = block.nonMoe(layers, moe, dFfn);
                    }
                    if (bestOnly() && !seedOnly && to >= minDense) {
                        int row = rowBeforeCounting(block, layers, to, dExpert, ki, first, dShared, dFfn,
                                exponentByWidth[w], el);
                        if (row != 0) {
                            any = true;
                            trainable |= row > 0;
                            continue;
                        }
                    }
                    Arrays.fill(countedWhole, false);
                    if (!bestOnly() && !seedOnly && to >= minDense) {
                        int counted = countGroupsWhole(block, to, dExpert, ki, first, dShared, exponentByWidth[w], el);
                        any |= counted != 0;
                        trainable |= counted > 0;
                    }
                    double rowMaxActive = 0;
                    double rowMinFlops = Double.POSITIVE_INFINITY;
                    double rowLeverage = 0;
                    for (int ei = 0; ei < experts.length; ei++) {
                        int e = experts[ei];
                        scored[ei] = 0;
                        if (e <= k || countedWhole[ei]) {
                            continue;
                        }
                        int bucket = ei * topKs.length + ki;
                        double a = GridCounts.activationRatio(r.sharedExperts(), dShared, dExpert, e, k);
                        double layerTotal = block.moeLayerTotal(dExpert, e, r.sharedExperts(), dShared);
                        double layerActive = block.moeLayerActive(dExpert, e, k, r.sharedExperts(), dShared);
                        int expertFailed = tally.expertFailures(e, a);
                        double groupMaxActive = 0;
                        double groupMinFlops = Double.POSITIVE_INFINITY;
                        int n = 0;
                        for (int dense = minDense; dense <= to; dense++) {
                            int i = ei * variants + dense - minDense;
                            int moe = rowMoe[dense - minDense];
                            double nonMoe = rowNonMoe[dense - minDense];
                            total[i] = GridCounts.withMoeLayers(nonMoe, moe, layerTotal);
                            active[i] = GridCounts.withMoeLayers(nonMoe, moe, layerActive);
                            flops[i] = block.flopsPerTokenTraining(active[i]);
                            double tokens = c / flops[i];
                            int f = tally.sizeFailures(total[i], active[i], tokens, tally.epochs(tokens)) | expertFailed;
                            if (tally.checksGpuMemory(f)) {
                                f |= tally.gpuFailure(space.moe(dModel, layers, dense, dExpert, e, k));
                            }
                            failed[i] = f;
                            any = true;
                            trainable |= Tally.trainable(f);
                            if (!seedOnly && !bestOnly()) {
                                tally.count(f, total[i], active[i], flops[i]);
                            }
                            if (seedOnly || bestOnly() ? f == 0 : Tally.scored(f)) {
                                n++;
                                groupMaxActive = Math.max(groupMaxActive, active[i]);
                                groupMinFlops = Math.min(groupMinFlops, flops[i]);
                            }
                        }
                        scored[ei] = n;
                        if (n == 0) {
                            continue;
                        }
                        if (Double.isNaN(el[bucket])) {
                            el[bucket] = leverages.value(a, exponentByWidth[w]);
                        }
                        leverage[ei] = el[bucket];
                        maxActive[ei] = groupMaxActive;
                        minFlops[ei] = groupMinFlops;
                        rowMaxActive = Math.max(rowMaxActive, groupMaxActive);
                        rowMinFlops = Math.min(rowMinFlops, groupMinFlops);
                        rowLeverage = Math.max(rowLeverage, leverage[ei]);
                    }
                    if (rowLeverage == 0) {
                        continue;
                    }
                    double rowBound = seedOnly ? Double.NEGATIVE_INFINITY : bound(rowLeverage, rowMaxActive, rowMinFlops);
                    for (int ei = 0; ei < experts.length; ei++) {
                        if (scored[ei] == 0) {
                            continue;
                        }
                        int e = experts[ei];
                        int bucket = ei * topKs.length + ki;
                        double groupBound = Double.NaN;
                        for (int dense = minDense; dense <= to; dense++) {
                            int i = ei * variants + dense - minDense;
                            int f = failed[i];
                            if (seedOnly) {
                                if (f == 0) {
                                    // one seed per (d_expert, k, E): its dense-first-layer variants' losses differ little
                                    double loss = model.lossAtLeverage(leverage[ei], active[i], c / flops[i], u);
                                    seedLoss[bucket] = Math.min(seedLoss[bucket], loss);
                                    seedBest = Math.min(seedBest, loss);
                                    break;
                                }
                                continue;
                            }
                            if (bestOnly() ? f != 0 : !Tally.scored(f)) {
                                continue;
                            }
                            double cutoff = cutoff(f, bucket);
                            if (rowBound > cutoff) {
                                skip(f);
                                continue;
                            }
                            if (Double.isNaN(groupBound)) {
                                groupBound = scored[ei] == 1 ? Double.NEGATIVE_INFINITY
                                        : bound(leverage[ei], maxActive[ei], minFlops[ei]);
                            }
                            if (groupBound > cutoff) {
                                skip(f);
                                continue;
                            }
                            double tokens = c / flops[i];
                            double loss = model.lossAtLeverage(leverage[ei], active[i], tokens, u);
                            if (f != 0) {
                                tally.soleFailure(f, loss);
                            } else if (tally.improves(bucket, loss, total[i])) {
                                tally.keep(bucket, loss, total[i]);
                                bestAt[4 * bucket] = dModel;
                                bestAt[4 * bucket + 1] = layers;
                                bestAt[4 * bucket + 2] = dense;
                                bestAt[4 * bucket + 3] = dExpert;
                                bestTokens[bucket] = tokens;
                            }
                        }
                    }
                }
            }
            return !any ? 0 : trainable ? 1 : -1;
        }

        /**
         * The best-only search's test of a whole row (one d_expert and k, every E and dense-first-layer count) before
         * anything in it is counted: 0 when the row must be visited point by point, else the row holds nothing that
         * can be the best below the ceiling and the sign says whether some shape of it has enough tokens (as
         * {@link #block}'s result). {@code N_active} is affine in the number of MoE layers, which falls as dense first
         * layers are added, and grows with E (the router's {@code d·E}), so its extremes over the row are at the ends
         * of the dense range and at the smallest and largest E; M grows with {@code N_active}. The bound
         * {@code L(max EL · max N_active, D_eff(C / min M))} is compared with the cutoff every feasible shape of the
         * row faces ({@link #cutoff}); the most trainable shape is the one of least {@code N_active}.
         */
        private int rowBeforeCounting(GridCounts block, int layers, int to, int dExpert, int ki, int first, int dShared,
                                      int dFfn, double exponent, double[] el) {
            int k = topKs[ki];
            int s = r.sharedExperts();
            int eMin = experts[first];
            int eMax = experts[experts.length - 1];
            double maxActive = Math.max(block.moeActive(layers, minDense, dExpert, eMax, k, s, dShared, dFfn),
                    block.moeActive(layers, to, dExpert, eMax, k, s, dShared, dFfn));
            double minActive = Math.min(block.moeActive(layers, minDense, dExpert, eMin, k, s, dShared, dFfn),
                    block.moeActive(layers, to, dExpert, eMin, k, s, dShared, dFfn));
            double minFlops = block.flopsPerTokenTraining(minActive);
            double maxLeverage = 0;
            for (int ei = first; ei < experts.length; ei++) {
                int bucket = ei * topKs.length + ki;
                if (Double.isNaN(el[bucket])) {
                    el[bucket] = leverages.value(GridCounts.activationRatio(s, dShared, dExpert, experts[ei], k),
                            exponent);
                }
                maxLeverage = Math.max(maxLeverage, el[bucket]);
            }
            double cut = Math.min(seedBest, Math.min(ceiling, tally.bestFeasibleLoss())) * (1 + Tally.CUTOFF_MARGIN);
            if (!(bound(maxLeverage, maxActive, minFlops) > cut)) {
                return 0;
            }
            boolean trainable = c / minFlops >= Tally.MIN_TOKENS_PER_ACTIVE_PARAM * minActive;
            return trainable ? 1 : -1;
        }

        /** The index of the least E above {@code k} ({@code experts.length} when none is). */
        private int firstExpertAbove(int k) {
            int first = 0;
            while (first < experts.length && experts[first] <= k) {
                first++;
            }
            return first;
        }

        /**
         * The full search's count, at once, of the shapes of each E of a row (one d_expert and k, every E above k and
         * every dense-first-layer count, {@link #rowMoe} and {@link #rowNonMoe} filled) that share a failure set and
         * that counting them shape by shape would not score below a cutoff: marks those E in {@link #countedWhole}.
         *
         * <p>Every term of the counts is an exact integer ({@link GridCounts}); {@code N_total} and {@code N_active}
         * are affine in the number of MoE layers, which falls as dense first layers are added, so over one E's shapes
         * they lie between their values at the two ends of the dense range. Each size constraint is monotone in one of
         * them ({@link Tally#sizeFailuresBetween}): when the ends give one failure set, every shape of the E has it,
         * with the E's own constraints ({@link Tally#expertFailures}). Such shapes are counted together when they are
         * not scored, or when the bound {@code L(EL · max N_active, D_eff(C / min M))} over them lies above their
         * cutoff: then as above it, as the point-by-point visit would count them. Rows with the GPU memory check,
         * which needs each shape, are visited point by point. Returns 0 when nothing was counted, else the sign says
         * whether some shape counted has enough tokens (as {@link #block}'s result).
         */
        private int countGroupsWhole(GridCounts block, int to, int dExpert, int ki, int first, int dShared,
                                     double exponent, double[] el) {
            int counted = 0;
            if (tally.checksGpuMemory()) {
                return counted;
            }
            int k = topKs[ki];
            int s = r.sharedExperts();
            int last = to - minDense;
            // one data term for the row's bounds: at its least M, of the least E (M grows with E)
            double leastActiveLayer = block.moeLayerActive(dExpert, experts[first], k, s, dShared);
            double rowDataTerm = dataTerm(block.flopsPerTokenTraining(Math.min(
                    GridCounts.withMoeLayers(rowNonMoe[0], rowMoe[0], leastActiveLayer),
                    GridCounts.withMoeLayers(rowNonMoe[last], rowMoe[last], leastActiveLayer))));
            for (int ei = first; ei < experts.length; ei++) {
                int e = experts[ei];
                double layerTotal = block.moeLayerTotal(dExpert, e, s, dShared);
                double layerActive = block.moeLayerActive(dExpert, e, k, s, dShared);
                double total0 = GridCounts.withMoeLayers(rowNonMoe[0], rowMoe[0], layerTotal);
                double total1 = GridCounts.withMoeLayers(rowNonMoe[last], rowMoe[last], layerTotal);
                double active0 = GridCounts.withMoeLayers(rowNonMoe[0], rowMoe[0], layerActive);
                double active1 = GridCounts.withMoeLayers(rowNonMoe[last], rowMoe[last], layerActive);
                double minActive = Math.min(active0, active1);
                double maxActive = Math.max(active0, active1);
                double minFlops = block.flopsPerTokenTraining(minActive);
                double minTotal = Math.min(total0, total1);
                int size = tally.sizeFailuresBetween(minTotal, Math.max(total0, total1), minActive, minFlops,
                        maxActive, block.flopsPerTokenTraining(maxActive));
                if (size < 0) {
                    continue;
                }
                double a = GridCounts.activationRatio(s, dShared, dExpert, e, k);
                int f = size | tally.expertFailures(e, a);
                if (Tally.scored(f)) {
                    int bucket = ei * topKs.length + ki;
                    if (Double.isNaN(el[bucket])) {
                        el[bucket] = leverages.value(a, exponent);
                    }
                    if (!(boundWithDataTerm(el[bucket], maxActive, rowDataTerm) > cutoff(f, bucket))) {
                        continue;
                    }
                }
                countedWhole[ei] = true;
                tally.countAboveCutoff(f, last + 1);
                tally.countLeast(minTotal, minActive, minFlops);
                counted = Tally.trainable(f) ? 1 : counted == 0 ? -1 : counted;
            }
            return counted;
        }

        /**
         * A lower bound on the loss of shapes with at most {@code maxActive} active parameters, at least
         * {@code minFlops} FLOPs per token and an EL of at most {@code leverage}: the loss falls with {@code EL·N} and
         * with {@code D_eff}, which grows with {@code D = C/M}. Lowered by {@link #BOUND_MARGIN} against rounding.
         */
        private double bound(double leverage, double maxActive, double minFlops) {
            return boundWithDataTerm(leverage, maxActive, dataTerm(minFlops));
        }

        /** {@link #bound} with the data term at the least M given: a lower one (at a lesser M) bounds as well. */
        private double boundWithDataTerm(double leverage, double maxActive, double dataTerm) {
            return model.lossWithDataTerm(leverage, maxActive, dataTerm) * (1 - BOUND_MARGIN);
        }

        /** The loss model's data term at {@code D = C/M} ({@link MoeLossModel#dataTerm}); it falls as D grows. */
        private double dataTerm(double flops) {
            return model.dataTerm(c / flops, u);
        }

        /**
         * A loss above which a scored shape cannot change the outcome: the tally's {@link Tally#cutoff}, or the
         * seeded loss of its bucket (feasible) or of any bucket (failing one constraint), whichever is lower; in the
         * best-only search also the ceiling and the best feasible loss so far, for every bucket. A seed is
         * the loss of a shape the search visits, so the bucket's best can only exceed it through ties (relative
         * 1e-12, broken by size) chained over a relative {@link Tally#CUTOFF_MARGIN}: a thousand of them.
         */
        private double cutoff(int failed, int bucket) {
            double seed = failed == 0 && !bestOnly() ? seedLoss[bucket] : seedBest;
            double cut = Math.min(tally.cutoff(failed, bucket), seed * (1 + Tally.CUTOFF_MARGIN));
            return bestOnly() ? Math.min(cut, Math.min(ceiling, tally.bestFeasibleLoss()) * (1 + Tally.CUTOFF_MARGIN)) : cut;
        }

        private void skip(int failed) {
            if (failed != 0) {
                tally.soleFailureAboveCutoff(failed);
            }
        }
    }

    /** The dense grid under {@code computeFlops} (the request's own, or another for the compute-to-match solve). */
    Outcome dense(double computeFlops) {
        PlanRequest r = space.request();
        double u = r.uniqueTokens();
        Tally tally = new Tally(r, model, computeFlops, 1);
        for (int dModel : space.dModels()) {
            boolean trainable = false;
            boolean any = false;
            int[] ffnWidths = space.denseFfnWidths(dModel);
            for (int layers : space.layers(dModel)) {
                limits.check();
                if (ffnWidths.length == 0) {
                    continue;
                }
                GridCounts block = GridCounts.of(space.dense(dModel, layers, ffnWidths[0]));
                for (int dFfn : ffnWidths) {
                    any = true;
                    double total = block.denseTotal(layers, dFfn);
                    double flops = block.flopsPerTokenTraining(total);
                    double tokens = computeFlops / flops;
                    double epochs = tally.epochs(tokens);
                    int f = tally.failures(total, total, flops, epochs, false, 0, 1.0);
                    if (tally.checksGpuMemory(f)) {
                        f |= tally.gpuFailure(space.dense(dModel, layers, dFfn));
                    }
                    trainable |= Tally.trainable(f);
                    tally.count(f, total, total, flops);
                    if (!Tally.scored(f)) {
                        continue;
                    }
                    double loss = model.lossAtLeverage(1.0, total, tokens, u);
                    if (f != 0) {
                        tally.soleFailure(f, loss);
                    } else if (tally.improves(0, loss, total)) {
                        ModelShape shape = space.dense(dModel, layers, dFfn);
                        tally.keep(0, tally.candidate(shape, ShapeMetrics.of(shape), tokens, epochs, loss));
                    }
                }
            }
            if (any && !trainable) {
                break;
            }
        }
        return outcome(tally);
    }

    /**
     * The loss of {@link #dense}{@code (computeFlops)}'s best shape ({@code +∞} when none is feasible), counting nothing:
     * what the compute-to-match solve asks at each compute ({@link DenseMatch}). The same visit and the same ranking
     * as {@link #dense}, but a (d_model, L) block is skipped when {@code L(max N, D_eff(C / min M))} — its widest FFN's
     * parameters and its narrowest's tokens; the loss falls with both — lies above the best so far (its
     * {@link Tally#cutoff}); its "enough tokens" flag, which decides where widths stop, is its narrowest shape's. At
     * the request's own compute (where the GPU memory check applies) it is {@link #dense} itself.
     */
    double denseBestLoss(double computeFlops) {
        PlanRequest r = space.request();
        if (computeFlops == r.computeFlops()) {
            return dense(computeFlops).best().map(Candidate::loss).orElse(Double.POSITIVE_INFINITY);
        }
        double u = r.uniqueTokens();
        Tally tally = new Tally(r, model, computeFlops, 1);
        for (int dModel : space.dModels()) {
            boolean trainable = false;
            boolean any = false;
            int[] ffnWidths = space.denseFfnWidths(dModel);
            for (int layers : space.layers(dModel)) {
                limits.check();
                if (ffnWidths.length == 0) {
                    continue;
                }
                GridCounts block = GridCounts.of(space.dense(dModel, layers, ffnWidths[0]));
                any = true;
                double minTotal = block.denseTotal(layers, ffnWidths[0]);
                double minFlops = block.flopsPerTokenTraining(minTotal);
                double maxTotal = block.denseTotal(layers, ffnWidths[ffnWidths.length - 1]);
                if (model.lossAtLeverage(1.0, maxTotal, computeFlops / minFlops, u) * (1 - BOUND_MARGIN)
                        > tally.cutoff(0, 0)) {
                    trainable |= computeFlops / minFlops >= Tally.MIN_TOKENS_PER_ACTIVE_PARAM * minTotal;
                    continue;
                }
                for (int dFfn : ffnWidths) {
                    double total = block.denseTotal(layers, dFfn);
                    double flops = block.flopsPerTokenTraining(total);
                    double tokens = computeFlops / flops;
                    int f = tally.failures(total, total, flops, tally.epochs(tokens), false, 0, 1.0);
                    trainable |= Tally.trainable(f);
                    if (f != 0) {
                        continue;
                    }
                    double loss = model.lossAtLeverage(1.0, total, tokens, u);
                    if (tally.improves(0, loss, total)) {
                        tally.keep(0, loss, total);
                    }
                }
            }
            if (any && !trainable) {
                break;
            }
        }
        return tally.bestLoss(0);
    }

    private static Outcome outcome(Tally tally) {
        List<Candidate> ranked = tally.bucketBests();
        return new Outcome(ranked, tally.rejections(ranked.isEmpty() ? null : ranked.get(0)), tally.minTotalParams(),
                tally.minTrainableCompute());
    }
}
