package dev.moeadvisor.plan;

import dev.moeadvisor.law.MoeLossModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Paired comparisons of a plan under every bootstrap loss model of its fit: each returned shape keeps its tokens and
 * is re-scored by each model, and differences are taken model by model.
 *
 * <p>Cost is bounded by construction: only the returned shapes are re-scored — the recommendation, at most
 * {@link PlanRequest#MAX_ALTERNATIVES} alternatives and the dense baseline — so a plan costs at most
 * {@code (MAX_ALTERNATIVES + 2) × bootstrap models} loss evaluations here (102 × 2000 at the limits).
 *
 * @param models            number of bootstrap models
 * @param moeMinusDense     loss of the best MoE minus loss of the dense baseline (empty without a baseline)
 * @param alternatives      per alternative, in order: its loss minus the recommendation's
 * @param rankStability     share of bootstrap models in which the shape of lowest loss among the returned ones
 *                          (recommendation, alternatives, dense baseline) has the recommendation's expert
 *                          configuration (E, k; dense: none)
 * @param rankedCandidates  how many returned shapes the rank stability compared
 */
public record PairedUncertainty(int models, Optional<PairedGap> moeMinusDense, List<PairedGap> alternatives,
                                double rankStability, int rankedCandidates) {

    public PairedUncertainty {
        alternatives = List.copyOf(alternatives);
    }

    static PairedUncertainty of(PlanRequest request, List<MoeLossModel> bootstrap, Candidate rec,
                                List<Candidate> alternatives, Optional<Candidate> dense, Candidate bestMoe) {
        int n = bootstrap.size();
        Candidate[] shapes = returned(rec, alternatives, dense);
        double[][] loss = new double[shapes.length][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < shapes.length; i++) {
                loss[i][j] = loss(bootstrap.get(j), shapes[i], request);
            }
        }
        Optional<PairedGap> moeVsDense = dense.map(d -> {
            double[] moe = lossOf(bestMoe, shapes, loss, bootstrap, request);
            double[] den = lossOf(d, shapes, loss, bootstrap, request);
            return PairedGap.of(bestMoe.loss() - d.loss(), minus(moe, den), rec.isMoe());
        });
        List<PairedGap> alts = new ArrayList<>();
        for (int i = 1; i <= alternatives.size(); i++) {
            alts.add(PairedGap.of(shapes[i].loss() - rec.loss(), minus(loss[i], loss[0]), false));
        }
        long stable = 0;
        for (int j = 0; j < n; j++) {
            int best = 0;
            for (int i = 1; i < shapes.length; i++) {
                if (loss[i][j] < loss[best][j]) {
                    best = i;
                }
            }
            if (sameExperts(shapes[best], rec)) {
                stable++;
            }
        }
        return new PairedUncertainty(n, moeVsDense, alts, (double) stable / n, shapes.length);
    }

    /** Recommendation first, then the alternatives, then the dense baseline unless it is the recommendation. */
    private static Candidate[] returned(Candidate rec, List<Candidate> alternatives, Optional<Candidate> dense) {
        List<Candidate> out = new ArrayList<>();
        out.add(rec);
        out.addAll(alternatives);
        dense.filter(d -> d != rec).ifPresent(out::add);
        return out.toArray(Candidate[]::new);
    }

    private static double[] lossOf(Candidate c, Candidate[] shapes, double[][] loss, List<MoeLossModel> bootstrap,
                                   PlanRequest request) {
        for (int i = 0; i < shapes.length; i++) {
            if (shapes[i] == c) {
                return loss[i];
            }
        }
        return bootstrap.stream().mapToDouble(b -> loss(b, c, request)).toArray();
    }

    static double loss(MoeLossModel model, Candidate c, PlanRequest request) {
        return model.loss(c.activeParams(), c.tokens(), request.uniqueTokens(), c.activationRatio(), c.granularity(),
                request.computeFlops());
    }

    private static double[] minus(double[] x, double[] y) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - y[i];
        }
        return out;
    }

    private static boolean sameExperts(Candidate a, Candidate b) {
        return a.shape().experts() == b.shape().experts() && a.shape().topK() == b.shape().topK();
    }

    /** True when the MoE-versus-dense difference is inside the noise. */
    public boolean moeVersusDenseIndistinguishable() {
        return moeMinusDense.map(PairedGap::indistinguishable).orElse(false);
    }
}
