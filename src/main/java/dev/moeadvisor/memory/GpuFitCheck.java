package dev.moeadvisor.memory;

import dev.moeadvisor.shape.ModelShape;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a shape fits some layout of a fixed GPU count and memory, fast enough to ask for every shape of a plan's
 * grid. It tries the lean layouts only — for each {@code TP·PP} split of the GPUs, ETP 1 and the largest EP allowed,
 * {@code gcd(E, DP·TP)} — from the most model-parallel down, and stops at the first that fits. A true answer means
 * {@link LayoutSearch#search} finds a layout too (it searches a superset); a false one may miss a layout with
 * {@code ETP > 1} or a smaller EP that fits where these do not (neither lowers the per-GPU expert parameters below
 * the lean layout's; a smaller EP raises them).
 */
public final class GpuFitCheck {

    private final int gpus;
    private final double bytesPerGpu;
    private final TrainingSetup setup;
    /** (TP, PP) pairs with {@code TP·PP | G}, most model-parallel first. */
    private final List<int[]> splits = new ArrayList<>();

    public GpuFitCheck(int gpus, double bytesPerGpu, TrainingSetup setup) {
        if (gpus < 1 || gpus > ParallelLayout.MAX_DEGREE) {
            throw new LayoutException("gpus", "must be between 1 and " + ParallelLayout.MAX_DEGREE);
        }
        this.gpus = gpus;
        this.bytesPerGpu = bytesPerGpu;
        this.setup = setup;
        for (int tp : LayoutSearch.divisors(gpus)) {
            for (int pp : LayoutSearch.divisors(gpus / tp)) {
                splits.add(new int[]{tp, pp});
            }
        }
        splits.sort((a, b) -> a[0] * a[1] != b[0] * b[1] ? Integer.compare(b[0] * b[1], a[0] * a[1])
                : Integer.compare(b[0], a[0]));
    }

    /** Whether one of the lean layouts holds the shape within the memory per GPU. */
    public boolean fits(ModelShape s) {
        TrainingMemory memory = null;
        boolean moe = s.isMoe();
        boolean anyDenseFfn = s.denseFfnLayers() > 0;
        for (int[] split : splits) {
            int tp = split[0];
            int pp = split[1];
            int dp = gpus / tp / pp;
            int ep = moe ? gcd(s.experts(), dp * tp) : 1;
            ParallelLayout l = new ParallelLayout(dp, tp, pp, ep, 1, 1);
            if (!LayoutRules.allows(s, moe, anyDenseFfn, l, setup.seqLen())) {
                continue;
            }
            if (memory == null) {
                memory = new TrainingMemory(s, setup, 1);
            }
            if (memory.mostLoaded(l).fits(bytesPerGpu)) {
                return true;
            }
        }
        return false;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
