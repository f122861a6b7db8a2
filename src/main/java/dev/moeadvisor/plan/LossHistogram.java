package dev.moeadvisor.plan;

/**
 * A fixed-size histogram of predicted losses, so that a search remembers how many rejected shapes beat the final
 * recommendation without keeping one number per shape: bins of a relative width of 0.1% in {@code ln L} over
 * {@code [0.01, 100]} (losses outside fall into the end bins), 9,212 counters whatever the grid size.
 * {@link #countBelow} counts the shapes in bins wholly below the reference's bin: a shape within the reference's
 * own 0.1% bin is not counted as better (such a difference is far inside any fit's error).
 */
final class LossHistogram {

    static final double MIN_LOSS = 0.01;
    static final double MAX_LOSS = 100;
    /** Relative bin width. */
    static final double RESOLUTION = 1e-3;
    private static final double LOG_STEP = Math.log1p(RESOLUTION);
    private static final double LOG_MIN = Math.log(MIN_LOSS);
    static final int BINS = (int) Math.ceil((Math.log(MAX_LOSS) - LOG_MIN) / LOG_STEP);

    private final int[] counts = new int[BINS];

    void add(double loss) {
        counts[bin(loss)]++;
    }

    /** Shapes added whose bin lies below the bin of {@code reference}. */
    long countBelow(double reference) {
        int top = bin(reference);
        long n = 0;
        for (int i = 0; i < top; i++) {
            n += counts[i];
        }
        return n;
    }

    static int bin(double loss) {
        if (!(loss > MIN_LOSS)) {
            return 0;
        }
        return (int) Math.min(BINS - 1, Math.floor((Math.log(loss) - LOG_MIN) / LOG_STEP));
    }
}
