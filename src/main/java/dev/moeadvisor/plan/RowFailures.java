package dev.moeadvisor.plan;

/**
 * The failure sets ({@link Tally#failures}, GPU memory aside) of every point of one row of the MoE grid — one
 * (d_model, L, d_expert, k) with every expert count E and dense-first-layer count — found from a few thresholds per
 * dense-layer count instead of a check per point. One per search, reused row after row; not thread-safe.
 *
 * <p>Along E (ascending) with the dense-layer count fixed, {@link GridCounts} gives
 * <pre>
 *   N_total(E)  = nonMoe + n_moe·(3·d·E·d_expert + 3·d·E_s·d_shared + d·E)
 *   N_active(E) = nonMoe + n_moe·(3·d·(k·d_expert + E_s·d_shared) + d·E)       M = 3·(2·N_active + attention FLOPs)
 * </pre>
 * exact integers rising with E, so {@code M} does not fall and {@code D = C/M} does not rise (floating-point
 * rounding is monotone). Each count-based constraint is then monotone in E and fails on a prefix or suffix of the
 * row: too few tokens ({@code C/M < N_active}) and the memory cap from some E on, the epoch cap up to some E, the
 * fixed size ({@code |N_total/N_fixed − 1| > tol}) below one E and from another on. The first E of each is found by
 * a binary search of the very predicate {@link Tally} applies ({@link #first}), so every point's set is the one a
 * check of the point gives, to the bit. The expert-parallel degree and the activation-ratio bound depend on E (and
 * the row) alone: one check per E ({@link #expert}).
 */
final class RowFailures {

    private static final int TOO_FEW_TOKENS = Constraint.TOO_FEW_TOKENS.bit();
    private static final int MEMORY_CAP = Constraint.MEMORY_CAP.bit();
    private static final int FIXED_TOTAL_PARAMS = Constraint.FIXED_TOTAL_PARAMS.bit();
    private static final int MAX_EPOCHS = Constraint.MAX_EPOCHS.bit();

    /** The predicates {@link #first} searches, each false then true along E. */
    private static final int P_TOO_FEW = 0;
    private static final int P_OVER_CAP = 1;
    private static final int P_ABOVE_FIXED = 2;
    private static final int P_NOT_BELOW_FIXED = 3;
    private static final int P_NOT_OVER_EPOCHS = 4;

    private final Tally tally;
    private final boolean fixedTotal;
    /** Per E index: one MoE layer's FFN parameters, total and active, and the bits of E alone. */
    private final double[] layerTotal;
    private final double[] layerActive;
    private final int[] expertBits;
    /** Per dense-layer count: the first E index failing (or, for the lower ones, passing) each constraint. */
    private final int[] tooFew;
    private final int[] overCap;
    private final int[] aboveFixed;
    private final int[] notBelowFixed;
    private final int[] notOverEpochs;
    private GridCounts block;
    private double nonMoe;
    private int moe;
    private int from;
    private int to;

    RowFailures(Tally tally, boolean fixedTotal, int experts, int variants) {
        this.tally = tally;
        this.fixedTotal = fixedTotal;
        this.layerTotal = new double[experts];
        this.layerActive = new double[experts];
        this.expertBits = new int[experts];
        this.tooFew = new int[variants];
        this.overCap = new int[variants];
        this.aboveFixed = new int[variants];
        this.notBelowFixed = new int[variants];
        this.notOverEpochs = new int[variants];
    }

    /** Starts a row over the E indices {@code [from, to)} of the block. */
    void row(GridCounts block, int from, int to) {
        this.block = block;
        this.from = from;
        this.to = to;
    }

    /** The E index {@code ei}'s MoE layer counts and the failures of its E and A ({@link Tally#expertFailures}). */
    void expert(int ei, double total, double active, int bits) {
        layerTotal[ei] = total;
        layerActive[ei] = active;
        expertBits[ei] = bits;
    }

    /** The thresholds of dense-layer count {@code v}, whose points have {@code nonMoe} and {@code moe} MoE layers. */
    void variant(int v, double nonMoe, int moe) {
        this.nonMoe = nonMoe;
        this.moe = moe;
        tooFew[v] = first(P_TOO_FEW);
        overCap[v] = first(P_OVER_CAP);
        aboveFixed[v] = fixedTotal ? first(P_ABOVE_FIXED) : to;
        notBelowFixed[v] = fixedTotal ? first(P_NOT_BELOW_FIXED) : from;
        notOverEpochs[v] = first(P_NOT_OVER_EPOCHS);
    }

    /** The failure set of E index {@code ei} (within the row) at dense-layer count {@code v}. */
    int failures(int ei, int v) {
        int f = expertBits[ei];
        if (ei >= tooFew[v]) {
            f |= TOO_FEW_TOKENS;
        }
        if (ei >= overCap[v]) {
            f |= MEMORY_CAP;
        }
        if (ei >= aboveFixed[v] || ei < notBelowFixed[v]) {
            f |= FIXED_TOTAL_PARAMS;
        }
        if (ei < notOverEpochs[v]) {
            f |= MAX_EPOCHS;
        }
        return f;
    }

    /** True when some point of dense-layer count {@code v} has enough tokens (the row's first E does). */
    boolean trainable(int v) {
        return tooFew[v] > from;
    }

    /** {@code N_total} of E index {@code ei} at the current dense-layer count (as {@link GridCounts#moeTotal}). */
    double total(int ei) {
        return GridCounts.withMoeLayers(nonMoe, moe, layerTotal[ei]);
    }

    /** {@code N_active} of E index {@code ei} at the current dense-layer count (as {@link GridCounts#moeActive}). */
    double active(int ei) {
        return GridCounts.withMoeLayers(nonMoe, moe, layerActive[ei]);
    }

    /** The first E index of the row at which {@code predicate} holds, {@code to} when none: it holds from there on. */
    private int first(int predicate) {
        if (holds(predicate, from)) {
            return from;
        }
        if (!holds(predicate, to - 1)) {
            return to;
        }
        int lo = from;
        int hi = to - 1;
        // holds(hi) and not holds(lo)
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (holds(predicate, mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private boolean holds(int predicate, int ei) {
        return switch (predicate) {
            case P_TOO_FEW -> {
                double active = active(ei);
                yield tally.tooFewTokens(active, block.flopsPerTokenTraining(active));
            }
            case P_OVER_CAP -> tally.overMemoryCap(total(ei));
            case P_ABOVE_FIXED -> tally.fixedTotalDeviation(total(ei)) > tally.fixedTotalTolerance();
            case P_NOT_BELOW_FIXED -> !(tally.fixedTotalDeviation(total(ei)) < -tally.fixedTotalTolerance());
            case P_NOT_OVER_EPOCHS -> {
                double flops = block.flopsPerTokenTraining(active(ei));
                yield !tally.overEpochs(tally.epochs(tally.computeFlops() / flops));
            }
            default -> throw new IllegalArgumentException("predicate " + predicate);
        };
    }
}
