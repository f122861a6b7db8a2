/**
 * Fitting the loss model to training runs: problem ({@link dev.moeadvisor.fit.FitProblem}), fitter
 * ({@link dev.moeadvisor.fit.LossModelFitter}) and result ({@link dev.moeadvisor.fit.FitResult}) kept apart.
 *
 * <h2>Model</h2>
 * <pre>
 *   L(N_active, D; A, G, C) = E + A_N / (EL(A, G, C) · N_active)^α + B_D / D_eff^β
 *   EL(A, G, C) = Â^(a + d·log₁₀C + γ·(log₂G)² + β_G·log₂G),  1/Â = 1/(A + (1/A_start − 1/A_max)⁻¹) + 1/A_max
 *   D_eff = U + U·R*·(1 − e^(−(D/U − 1)/R*)) when D &gt; U, else D;   R* = 15.39
 * </pre>
 * The dense form is Chinchilla's (Hoffmann et al., arXiv 2203.15556, Eq. 2), EL is Ling's unified law (arXiv
 * 2507.17702, Eq. 13) entering as a multiplier of the active parameters (Ling §3: at fixed data, EL is the ratio of
 * dense to MoE model scale), and repetition is Muennighoff's (arXiv 2305.16264, Eq. 5; R* pinned at their 15.39).
 * Dense runs have EL = 1. The formula lives only in {@link dev.moeadvisor.law.MoeLossModel}: the objective calls
 * {@code loss} and {@code lossAndGradient} (its analytic gradient, checked against central differences).
 *
 * <h2>Coefficients</h2>
 * Free by default: {@code E, A_N, B_D, α, β, a, d}; pinned at Ling's Table 2 values: {@code γ, β_G, A_start,
 * A_max} (a data set that barely varies G cannot identify them). Any coefficient can be pinned by name
 * ({@code E, A_N, B_D, alpha, beta, a, d, gamma, betaG, aStart, aMax}), and {@link
 * dev.moeadvisor.fit.FitProblem#ofPinned} can free the default pins. With no MoE run, {@code a} and {@code d} are
 * pinned (unidentifiable). Positive coefficients are optimised in log space; all within wide bounds
 * ({@link dev.moeadvisor.fit.FitParameter}).
 *
 * <h2>Objective and optimiser</h2>
 * {@code H(θ) = Σ_i Huber_δ(log L_pred,i − log L_obs,i) + δ²·Σ_j ½·z_j²}, δ = 10⁻³, summed (Hoffmann et al.
 * §3.3). The second sum is the priors' penalty ({@link dev.moeadvisor.fit.Prior}, {@link
 * dev.moeadvisor.fit.PriorSet}): a Gaussian prior on a free coefficient, {@code z_j = (x_j − x̄_j)/sd_j} on the
 * optimiser's scale (the value for α, β, a, d, γ, β_G; its logarithm for E, A_N, B_D, A_start, A_max). Its weight
 * δ² = 10⁻⁶ is the scale of a Huber term ({@code r²/2} for |r| ≤ δ): the objective is then a log-posterior, up to
 * that factor, for runs whose log residuals are about δ. A prior on a pinned coefficient is refused. Without MoE
 * runs, {@code a} and {@code d} stay free when they have a prior (they then sit at its mean). The Levenberg–Marquardt
 * route adds each prior as an unweighted residual row {@code δ·z_j}. Hipparchus has
 * no BFGS; the default optimiser is Levenberg–Marquardt with Huber weights {@code min(1, δ/|r|)}, re-weighted
 * every few iterations (IRLS, a majorise–minimise scheme). BOBYQA on H itself is the cross-check (a test shows
 * both reach the same optimum). Starts: a seeded sample of a data-scaled 3^k grid, centre always included; the
 * best converged optimum wins; none converging is a {@link dev.moeadvisor.fit.FitDidNotConvergeException}.
 *
 * <h2>Diagnostics</h2>
 * RMSE and max error in the metric's unit; leave-one-run-out RMSE (each run predicted by a refit without it and
 * without every run of the same configuration, {@code ConfigurationGroups}: arXiv 2506.12119 prints five
 * configurations twice; warm-started from the optimum); a held-out test ({@link
 * dev.moeadvisor.fit.FitProblem#withHeldOut}: points the fit never sees, predicted by its optimum); bootstrap (resampling runs with replacement, warm-started; percentile 2.5/97.5
 * intervals, R-7 estimator) with every resample's model kept, so that predictions get intervals too. Refits that
 * do not converge are counted and left out, never replaced by a default. On large data sets leave-one-out may run
 * over a seeded sample of runs ({@link dev.moeadvisor.fit.FitOptions#leaveOneOutSample()}), the held-out RMSE then
 * over those.
 *
 * <h2>Cost and cancellation</h2>
 * {@link dev.moeadvisor.fit.FitWork}: work = runs × (starts + bootstrap resamples + leave-one-out refits), known
 * before anything runs, so a caller can refuse a fit that is too large. A {@link dev.moeadvisor.fit.FitCancellation}
 * is polled before every local optimisation; a cancelled fit throws {@link dev.moeadvisor.fit.FitCancelledException}.
 *
 * <h2>Joint fits and the default</h2>
 * {@link dev.moeadvisor.fit.FitProblem#withElObservations}: matched MoE-vs-dense pairs of other data sets
 * ({@link dev.moeadvisor.fit.ElObservation}) share the EL coefficients; each enters like a run, Huber on
 * {@code s·(ln EL_pred − ln EL_obs)}, {@code s = |d ln L/d ln N|}; their dense coefficients cancel, so no loss unit
 * mixes. Each joined source is also left out once ({@link dev.moeadvisor.fit.ElCheck}). {@link
 * dev.moeadvisor.fit.DefaultFitRecipe} names what the default model is fitted on: the [ER] runs inside the EL law's
 * domain (top-k ≥ 2, arXiv 2506.12119 Table 7; 2 ≤ G ≤ 16, Ling's fitted range), the others held out and predicted. A result carries the evidence
 * envelope of its runs ({@code FitEvidence}, {@link dev.moeadvisor.envelope.Evidence}).
 *
 * <h2>Reproducibility</h2>
 * Every random choice comes from a {@link java.util.SplittableRandom} seeded by the options: the start sample from
 * one split, each bootstrap resample from its own split, the leave-one-out sample from a third. Same data, pins and options give the identical result;
 * a result carries the options and the SHA-256 of the data.
 *
 * <p>Java and Hipparchus only: no framework imports.
 */
package dev.moeadvisor.fit;
