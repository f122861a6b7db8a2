package dev.moeadvisor.plan;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Integer ladders: the discretisation of every searched width and count. A ladder with {@code b} mantissa bits
 * holds every integer below {@code 2^(b+1)} and above it the numbers {@code m·2^n} with
 * {@code 2^b ≤ m < 2^(b+1)}, i.e. {@code 2^b} values per octave, a relative step of at most {@code 2^−b}
 * (b = 1: 1, 2, 3, 4, 6, 8, 12, 16, 24, …; b = 2: 1…7, 8, 10, 12, 14, 16, 20, …).
 */
final class Ladder {

    private Ladder() {
    }

    /** The ladder's values in {@code [lo, hi]}, ascending; empty when {@code lo > hi}. */
    static int[] between(long lo, long hi, int mantissaBits) {
        long from = Math.max(1, lo);
        if (from > hi) {
            return new int[0];
        }
        long top = 1L << (mantissaBits + 1);
        IntStream.Builder out = IntStream.builder();
        for (long x = from; x <= hi && x < top; x++) {
            out.add((int) x);
        }
        for (long scale = 1; (top / 2) * scale <= hi; scale *= 2) {
            for (long m = top / 2; m < top; m++) {
                long x = m * scale;
                if (x >= from && x <= hi && x >= top) {
                    out.add((int) x);
                }
            }
        }
        return out.build().sorted().distinct().toArray();
    }

    /** {@code unit × v} for every ladder value {@code v} with {@code unit·v ∈ [lo, hi]}. */
    static int[] multiples(int unit, double lo, double hi, int mantissaBits) {
        long vLo = (long) Math.ceil(lo / unit - 1e-9);
        long vHi = (long) Math.floor(hi / unit + 1e-9);
        return Arrays.stream(between(vLo, vHi, mantissaBits)).map(v -> v * unit).toArray();
    }
}
