package dev.moeadvisor.fit;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Powell's BOBYQA (Hipparchus) on the Huber objective, within the coefficient bounds. Derivative-free, so it
 * checks the Levenberg–Marquardt route independently of the analytic Jacobian; it needs two or more free
 * coefficients.
 */
final class BobyqaHuber implements LocalOptimizer {

    static final int EVALUATIONS_PER_ITERATION = 20;
    private static final double INITIAL_RADIUS = 0.05;
    private static final double STOPPING_RADIUS = 1e-9;

    @Override
    public LocalFit minimize(HuberObjective f, double[] start, int maxIterations) {
        int p = f.dimension();
        if (p < 2) {
            throw new InvalidFitProblemException("BOBYQA needs at least two free coefficients");
        }
        Parameterization par = f.parameterization();
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * p + 1, INITIAL_RADIUS, STOPPING_RADIUS);
        try {
            PointValuePair best = optimizer.optimize(new MaxEval(EVALUATIONS_PER_ITERATION * maxIterations),
                    new ObjectiveFunction(f::value), GoalType.MINIMIZE, new InitialGuess(par.clamp(start)),
                    new SimpleBounds(par.lower(), par.upper()));
            return new LocalFit(best.getPoint(), best.getValue(), optimizer.getEvaluations(),
                    Double.isFinite(best.getValue()));
        } catch (MathIllegalStateException e) {
            return new LocalFit(par.clamp(start), f.value(par.clamp(start)), EVALUATIONS_PER_ITERATION * maxIterations,
                    false);
        }
    }
}
