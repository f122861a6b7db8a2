package dev.moeadvisor.fit;

import dev.moeadvisor.envelope.Evidence;
import dev.moeadvisor.law.MoeLossModel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted loss model and its diagnostics. Immutable.
 *
 * @param model               the coefficients as the one loss model ({@link MoeLossModel}, R* = 15.39); its dense
 *                            law's unit is the metric, its EL range the ranges of C, A and G of the MoE runs fitted
 * @param coefficients        all eleven coefficients by name ({@link FitParameter#label()}), in model order
 * @param pinned              the pinned coefficients and their values
 * @param metric              the metric fitted (e.g. {@code val_bpc})
 * @param runCount            runs fitted
 * @param objective           Huber objective at the optimum (sum over runs, δ = 10⁻³, on log residuals)
 * @param rmse                root-mean-square of {@code predicted − observed}, in the metric's unit
 * @param maxAbsError         largest {@code |predicted − observed|}
 * @param leaveOneOutRmse     leave-one-run-out RMSE: each run predicted by the fit without it and without any
 *                            duplicate of its configuration; NaN when not computed or no refit converged
 * @param leaveOneOutFailures leave-one-out refits that did not converge (left out of that RMSE)
 * @param residuals           per run, in input order
 * @param iterations          iterations of the local optimisation that gave the optimum
 * @param startsTried         starting points tried
 * @param startsConverged     of which converged
 * @param intervals           bootstrap percentile interval [2.5%, 97.5%] per free coefficient (empty without
 *                            bootstrap)
 * @param bootstrapModels     the model of each converged bootstrap resample, for intervals on predictions
 * @param bootstrapFailures   resamples whose refit did not converge (left out)
 * @param dataHash            SHA-256 of the fitted points ({@link FitProblem#dataHash()})
 * @param options             the options used (seed included)
 * @param priors              the Gaussian priors on free coefficients, by name (empty: none)
 * @param heldOut             held-out runs predicted by the model (never fitted), in input order; their
 *                            {@code looPredicted} is NaN
 * @param heldOutRmse         RMSE on the held-out runs; NaN without any
 * @param elChecks            for a joint fit, each joined source's EL observation: observed, fitted, and predicted
 *                            by the refit without that source (leave-one-source-out); empty otherwise
 * @param evidence            the ranges the fitted runs covered ({@link FitEvidence}); null in results stored
 *                            before it existed
 * @param sources             for a joint fit with data sets of their own loss level ({@link DenseSource}), each
 *                            one's own dense coefficients and residuals, in its unit; empty otherwise
 */
public record FitResult(MoeLossModel model, Map<String, Double> coefficients, Map<String, Double> pinned,
                        String metric, int runCount, double objective, double rmse, double maxAbsError,
                        double leaveOneOutRmse, int leaveOneOutFailures, List<RunResidual> residuals, int iterations,
                        int startsTried, int startsConverged, Map<String, Interval> intervals,
                        List<MoeLossModel> bootstrapModels, int bootstrapFailures, String dataHash,
                        FitOptions options, Map<String, Prior> priors, List<RunResidual> heldOut,
                        double heldOutRmse, List<ElCheck> elChecks, Evidence evidence, List<SourceFit> sources) {

    public FitResult {
        coefficients = Collections.unmodifiableMap(new LinkedHashMap<>(coefficients));
        pinned = Collections.unmodifiableMap(new LinkedHashMap<>(pinned));
        intervals = Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
        residuals = List.copyOf(residuals);
        bootstrapModels = List.copyOf(bootstrapModels);
        priors = priors == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(priors));
        heldOut = heldOut == null ? List.of() : List.copyOf(heldOut);
        elChecks = elChecks == null ? List.of() : List.copyOf(elChecks);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /**
     * The held-out RMSE per group ({@link HeldOutGroup}): for the default fit the reuse Tables 14–17 apart from the
     * runs of Tables 9–13 outside its domain; {@link #heldOutRmse} is over all of them.
     */
    public List<HeldOutGroup> heldOutByGroup() {
        return HeldOutGroup.of(heldOut);
    }

    /** One coefficient by name. */
    public double coefficient(String name) {
        Double v = coefficients.get(name);
        if (v == null) {
            throw new IllegalArgumentException("unknown coefficient " + name);
        }
        return v;
    }
}
