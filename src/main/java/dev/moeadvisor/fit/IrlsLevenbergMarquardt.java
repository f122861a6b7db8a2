package dev.moeadvisor.fit;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.util.Pair;

/**
 * Huber regression by iteratively reweighted least squares, each round a Levenberg–Marquardt solve (Hipparchus):
 * with weights {@code w_i = min(1, δ/|r_i|)} frozen at the current residuals, minimise {@code Σ w_i·r_i²/2}; then
 * re-weight. The weighted quadratic majorises the Huber loss at the current point, so a round never raises the
 * Huber objective; rounds stop when it changes by less than {@link #RELATIVE_TOLERANCE} (converged) or when the
 * iteration budget is spent (not converged).
 */
final class IrlsLevenbergMarquardt implements LocalOptimizer {

    static final double RELATIVE_TOLERANCE = 1e-9;
    /**
     * Levenberg–Marquardt iterations per reweighting round at most. Any step that lowers the weighted sum of squares
     * lowers the Huber objective (majorisation), so a round need not solve its least-squares problem exactly; the
     * weights are refreshed sooner instead, which converges in far fewer iterations on ill-conditioned data.
     */
    static final int ITERATIONS_PER_ROUND = 5;
    private static final double ABSOLUTE_TOLERANCE = 1e-300;


    @Override
    public LocalFit minimize(HuberObjective f, double[] start, int maxIterations) {
        int m = f.size();
        int p = f.dimension();
        Parameterization par = f.parameterization();
        double[] x = par.clamp(start);
        double[] r = new double[m];
        double objective = f.residuals(x, r);
        int iterations = 0;
        LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-12).withParameterRelativeTolerance(1e-12).withOrthoTolerance(1e-12);
        while (iterations < maxIterations) {
            double[] sqrtWeight = new double[m];
            for (int i = 0; i < m; i++) {
                sqrtWeight[i] = Math.sqrt(f.rowWeight(i, r[i]));
            }
            MultivariateJacobianFunction model = point -> {
                double[] rr = new double[m];
                double[][] jac = new double[m][p];
                f.residualsAndJacobian(point.toArray(), rr, jac);
                for (int i = 0; i < m; i++) {
                    rr[i] *= sqrtWeight[i];
                    for (int j = 0; j < p; j++) {
                        jac[i][j] *= sqrtWeight[i];
                    }
                }
                return new Pair<RealVector, RealMatrix>(new ArrayRealVector(rr, false),
                        new Array2DRowRealMatrix(jac, false));
            };
            int budget = maxIterations - iterations;
            LeastSquaresProblem problem = new LeastSquaresBuilder().start(x).model(model).target(new double[m])
                    .parameterValidator(v -> new ArrayRealVector(par.clamp(v.toArray()), false))
                    .checker((iteration, previous, current) -> iteration >= ITERATIONS_PER_ROUND)
                    .maxIterations(budget).maxEvaluations(Math.max(budget * 4, 100)).lazyEvaluation(false).build();
            LeastSquaresOptimizer.Optimum optimum;
            try {
                optimum = lm.optimize(problem);
            } catch (MathIllegalStateException e) {
                return new LocalFit(x, objective, maxIterations, false);
            }
            iterations += Math.max(1, optimum.getIterations());
            double[] next = par.clamp(optimum.getPoint().toArray());
            double[] nextR = new double[m];
            double nextObjective = f.residuals(next, nextR);
            if (!Double.isFinite(nextObjective)) {
                return new LocalFit(x, objective, iterations, false);
            }
            double change = objective - nextObjective;
            if (nextObjective <= objective) {
                x = next;
                r = nextR;
                objective = nextObjective;
            }
            if (Math.abs(change) <= RELATIVE_TOLERANCE * objective + ABSOLUTE_TOLERANCE || change < 0) {
                // no further descent (a rise can only be round-off, since each round majorises the objective)
                return new LocalFit(x, objective, iterations, Double.isFinite(objective));
            }
        }
        return new LocalFit(x, objective, iterations, false);
    }
}
