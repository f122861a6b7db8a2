package dev.moeadvisor.memory;

import dev.moeadvisor.shape.ModelShape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parallel layouts of a shape over {@code G} GPUs that fit in a given memory per GPU.
 *
 * <p>Searched: every {@code TP | G}, {@code PP | G/TP}, {@code DP = G/(TP·PP)}, {@code ETP | TP}, {@code EP | E}
 * with {@code EP·ETP | DP·TP}, that {@link LayoutRules} accepts (TP divides heads, key/value heads and FFN widths;
 * ETP divides the expert width; PP divides the layers); context parallelism is not searched ({@code CP = 1}).
 * Each is costed by {@link TrainingMemory} for its most loaded GPU.
 *
 * <p>Ranked by a stated cost, least model-parallel communication first: smallest {@code TP·PP} (tensor parallel
 * all-reduces every layer, pipeline bubbles grow with PP), then smallest EP (fewer GPUs in each all-to-all), then
 * smallest ETP, then least memory.
 *
 * <p>Bounded: at most {@link #MAX_WORK} pipeline-stage evaluations per search; past it the search stops and says
 * so. When nothing fits, up to six more searches check what would have to change (full recomputation, ZeRO-3,
 * micro-batch 1, 2×/4×/8× the GPUs).
 */
public final class LayoutSearch {

    public static final int MAX_RESULTS = 20;
    public static final long MAX_WORK = 2_000_000;
    public static final double MAX_BYTES_PER_GPU = 1e13;

    private static final Comparator<FeasibleLayout> COST = Comparator
            .comparingLong((FeasibleLayout f) -> f.layout().modelParallel())
            .thenComparingInt(f -> f.layout().ep())
            .thenComparingInt(f -> f.layout().etp())
            .thenComparingDouble(f -> f.memory().total());

    private LayoutSearch() {
    }

    /** Feasible layouts, ranked; when none fits, the changes that would make one fit. */
    public static LayoutOptions search(ModelShape s, long gpus, double bytesPerGpu, TrainingSetup t) {
        if (gpus < 1 || gpus > ParallelLayout.MAX_DEGREE) {
            throw new LayoutException("gpus", "must be between 1 and " + ParallelLayout.MAX_DEGREE);
        }
        if (!(bytesPerGpu > 0) || bytesPerGpu > MAX_BYTES_PER_GPU) {
            throw new LayoutException("memoryGb", "must be positive and at most " + (MAX_BYTES_PER_GPU / 1e9) + " GB");
        }
        LayoutOptions found = enumerate(s, (int) gpus, bytesPerGpu, t);
        if (found.fits()) {
            return found;
        }
        return new LayoutOptions(found.gpus(), found.bytesPerGpu(), found.feasible(), 0, found.validCount(),
                found.leastMemory(), found.truncated(), changes(s, (int) gpus, bytesPerGpu, t, found));
    }

    private static LayoutOptions enumerate(ModelShape s, int gpus, double bytesPerGpu, TrainingSetup t) {
        Map<Integer, TrainingMemory> byEtp = new HashMap<>();
        List<FeasibleLayout> fit = new ArrayList<>();
        FeasibleLayout least = null;
        int valid = 0;
        long work = 0;
        boolean truncated = false;
        List<Integer> expertDegrees = s.isMoe() ? divisors(s.experts()) : List.of(1);
        search:
        for (int tp : divisors(gpus)) {
            for (int pp : divisors(gpus / tp)) {
                if (s.layers() % pp != 0) {
                    continue;
                }
                int dp = gpus / tp / pp;
                for (int etp : s.isMoe() ? divisors(tp) : List.of(1)) {
                    for (int ep : expertDegrees) {
                        if (((long) dp * tp) % ((long) ep * etp) != 0) {
                            continue;
                        }
                        ParallelLayout l = new ParallelLayout(dp, tp, pp, ep, etp, 1);
                        if (!LayoutRules.allows(s, l, t.seqLen())) {
                            continue;
                        }
                        if (work + pp > MAX_WORK) {
                            truncated = true;
                            break search;
                        }
                        work += pp;
                        valid++;
                        MemoryBreakdown m = byEtp.computeIfAbsent(etp, e -> new TrainingMemory(s, t, e)).mostLoaded(l);
                        FeasibleLayout f = new FeasibleLayout(l, m);
                        if (least == null || m.total() < least.memory().total()) {
                            least = f;
                        }
                        if (m.fits(bytesPerGpu)) {
                            fit.add(f);
                        }
                    }
                }
            }
        }
        fit.sort(COST);
        int count = fit.size();
        return new LayoutOptions(gpus, bytesPerGpu, fit.subList(0, Math.min(MAX_RESULTS, count)), count, valid,
                least, truncated, List.of());
    }

    private static List<String> changes(ModelShape s, int gpus, double bytesPerGpu, TrainingSetup t,
                                        LayoutOptions found) {
        List<String> out = new ArrayList<>();
        if (found.leastMemory() == null) {
            out.add("no layout splits this shape evenly over " + gpus + " GPUs (TP must divide the heads and widths,"
                    + " PP the layers, EP the experts): choose a GPU count with more small factors");
        } else {
            out.add(String.format(Locale.ROOT, "the layout needing the least memory (%s) needs %.1f GB per GPU; %.1f GB"
                            + " are available", found.leastMemory().layout().label(),
                    found.leastMemory().memory().total() / 1e9, bytesPerGpu / 1e9));
        }
        if (t.recompute() != Recompute.FULL) {
            relax(out, "with full activation recomputation", s, gpus, bytesPerGpu, t.withRecompute(Recompute.FULL));
        }
        if (t.zeroStage() != 3) {
            relax(out, "with ZeRO stage 3", s, gpus, bytesPerGpu, t.withZeroStage(3));
        }
        if (t.microBatch() != 1) {
            relax(out, "with micro-batch 1", s, gpus, bytesPerGpu, t.withMicroBatch(1));
        }
        for (int factor = 2; factor <= 8 && (long) gpus * factor <= ParallelLayout.MAX_DEGREE; factor *= 2) {
            LayoutOptions more = enumerate(s, gpus * factor, bytesPerGpu, t);
            if (more.fits()) {
                out.add("with " + factor + "× the GPUs (" + gpus * factor + "): fits as " + more.best().layout().label());
                break;
            }
        }
        if (out.size() == 1) {
            out.add("neither full recomputation, ZeRO-3, micro-batch 1 nor 8× the GPUs makes it fit: choose a smaller"
                    + " shape or GPUs with more memory");
        }
        return out;
    }

    private static void relax(List<String> out, String what, ModelShape s, int gpus, double bytesPerGpu,
                              TrainingSetup t) {
        LayoutOptions o = enumerate(s, gpus, bytesPerGpu, t);
        if (o.fits()) {
            out.add(what + ": fits as " + o.best().layout().label() + String.format(Locale.ROOT, " (%.1f GB per GPU)",
                    o.best().memory().total() / 1e9));
        }
    }

    /** Divisors of {@code n} in ascending order (trial division up to √n). */
    static List<Integer> divisors(int n) {
        List<Integer> low = new ArrayList<>();
        List<Integer> high = new ArrayList<>();
        for (int i = 1; (long) i * i <= n; i++) {
            if (n % i == 0) {
                low.add(i);
                if (i != n / i) {
                    high.add(0, n / i);
                }
            }
        }
        low.addAll(high);
        return low;
    }
}
