package dev.moeadvisor.fit;

/**
 * The end of one local optimisation.
 *
 * @param x          optimiser vector reached
 * @param objective  Huber objective there
 * @param iterations iterations (LM) or evaluations (BOBYQA) spent
 * @param converged  true when the optimiser's convergence test passed within its budget
 */
record LocalFit(double[] x, double objective, int iterations, boolean converged) {
}
