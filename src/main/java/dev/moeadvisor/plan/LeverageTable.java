package dev.moeadvisor.plan;

import dev.moeadvisor.law.EfficiencyLeverageLaw;

/**
 * {@code EL(A, G, C)} of one EL law at one compute, remembered by the exact (A, G) pair (their bits): an
 * open-addressing table of primitive keys and values, so a look-up boxes nothing and hashes two longs. Each value is
 * {@link EfficiencyLeverageLaw#value} for its own pair, computed on first use. Grows by doubling at half full; its size
 * is the number of distinct (A, G) pairs a plan's searches meet (a few thousand). Not thread-safe: one per plan.
 */
final class LeverageTable {

    private final EfficiencyLeverageLaw law;
    private final double computeFlops;
    private long[] aBits = new long[1024];
    private long[] gBits = new long[1024];
    private double[] values = new double[1024];
    private boolean[] used = new boolean[1024];
    private int size;

    LeverageTable(EfficiencyLeverageLaw law, double computeFlops) {
        this.law = law;
        this.computeFlops = computeFlops;
    }

    /** {@code law.value(a, g, C)}, the same double. */
    double value(double a, double g) {
        long ka = Double.doubleToLongBits(a);
        long kg = Double.doubleToLongBits(g);
        int mask = used.length - 1;
        for (int i = index(ka, kg) & mask; ; i = (i + 1) & mask) {
            if (!used[i]) {
                double v = law.value(a, g, computeFlops);
                put(i, ka, kg, v);
                return v;
            }
            if (aBits[i] == ka && gBits[i] == kg) {
                return values[i];
            }
        }
    }

    int size() {
        return size;
    }

    private void put(int i, long ka, long kg, double v) {
        used[i] = true;
        aBits[i] = ka;
        gBits[i] = kg;
        values[i] = v;
        if (++size * 2 > used.length) {
            grow();
        }
    }

    private void grow() {
        long[] oldA = aBits;
        long[] oldG = gBits;
        double[] oldV = values;
        boolean[] oldUsed = used;
        int n = used.length * 2;
        aBits = new long[n];
        gBits = new long[n];
        values = new double[n];
        used = new boolean[n];
        int mask = n - 1;
        for (int j = 0; j < oldUsed.length; j++) {
            if (oldUsed[j]) {
                int i = index(oldA[j], oldG[j]) & mask;
                while (used[i]) {
                    i = (i + 1) & mask;
                }
                used[i] = true;
                aBits[i] = oldA[j];
                gBits[i] = oldG[j];
                values[i] = oldV[j];
            }
        }
    }

    /** A 64-bit mix (the murmur3 finaliser) of both keys' bits, so nearby doubles spread over the table. */
    private static int index(long ka, long kg) {
        long h = ka * 0x9E3779B97F4A7C15L + kg;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }
}
