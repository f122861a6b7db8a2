package dev.moeadvisor.fit;

import dev.moeadvisor.law.MoeLossModel;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic runs drawn from a known loss model, for parameter recovery and benchmarks. A realistic design:
 * {@code N_active} log-uniform in [1e8, 5e9], tokens log-uniform in [1e10, 5e11], compute {@code 6·N_active·D};
 * a fifth of the runs dense; MoE runs with E ∈ {8 … 256} routed experts, k ∈ {1, 2, 4, 8} (k ≤ E/4), an optional
 * shared expert and G ∈ {1, 2, 4, 8, 12, 16}; a quarter of the runs repeat their data 1.5–8 epochs. The observed
 * value is the model's loss times {@code exp(σ·z)}, z standard normal from the seeded generator.
 */
final class SyntheticRuns {

    private static final int[] EXPERTS = {8, 16, 32, 64, 128, 256};
    private static final int[] TOP_K = {1, 2, 4, 8};
    private static final double[] GRANULARITY = {1, 2, 4, 8, 12, 16};

    private SyntheticRuns() {
    }

    static List<FitPoint> generate(MoeLossModel truth, int count, double sigma, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<FitPoint> points = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double n = logUniform(random, 1e8, 5e9);
            double d = logUniform(random, 1e10, 5e11);
            double u = random.nextDouble() < 0.25 ? d / (1.5 + 6.5 * random.nextDouble()) : Double.NaN;
            double a = 1.0;
            double g = Double.NaN;
            if (random.nextDouble() >= 0.2) {
                int experts = EXPERTS[random.nextInt(EXPERTS.length)];
                int k;
                do {
                    k = TOP_K[random.nextInt(TOP_K.length)];
                } while (4 * k > experts);
                double shared = random.nextBoolean() ? 1 : 0;
                a = (k + shared) / (experts + shared);
                g = GRANULARITY[random.nextInt(GRANULARITY.length)];
            }
            double c = 6 * n * d;
            double clean = truth.loss(n, d, u, a, g, c);
            double observed = clean * Math.exp(sigma * random.nextGaussian());
            points.add(new FitPoint("syn-" + i, n, d, u, a, g, c, observed));
        }
        return points;
    }

    private static double logUniform(SplittableRandom random, double lo, double hi) {
        return Math.exp(Math.log(lo) + random.nextDouble() * (Math.log(hi) - Math.log(lo)));
    }
}
