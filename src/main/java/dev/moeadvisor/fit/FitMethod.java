package dev.moeadvisor.fit;

/**
 * The local optimiser each start runs (Hipparchus has no BFGS). Both minimise the same Huber objective; a test
 * checks that they agree.
 */
public enum FitMethod {
    /**
     * Levenberg–Marquardt on the weighted log residuals, re-weighted with the Huber weights
     * {@code w = min(1, δ/|r|)} until the Huber objective stops falling (iteratively reweighted least squares, a
     * majorise–minimise scheme: each round cannot raise the objective). Uses the analytic Jacobian. Default.
     */
    LEVENBERG_MARQUARDT_IRLS,
    /** Powell's BOBYQA on the Huber objective itself, within the parameter bounds; derivative-free, slower. */
    BOBYQA
}
