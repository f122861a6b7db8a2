package dev.moeadvisor.envelope;

import dev.moeadvisor.law.Range;

/**
 * The ranges a model's data covered, per axis; {@link Range#ANY} where the source does not say (an axis no query
 * can fall outside of). A fitted model's come from its runs (A and G from its MoE runs only); a published model's
 * from its paper.
 *
 * @param description   whose data, in words ("the fitted runs", "Ling's fit, arXiv 2507.17702")
 * @param computeFlops  training compute C
 * @param activeParams  non-embedding active parameters
 * @param totalParams   non-embedding total parameters
 * @param tokens        tokens consumed
 * @param epochs        epochs over the unique data (1 = no reuse)
 * @param activationRatio Ling's A of the MoE runs
 * @param granularity   G of the MoE runs
 */
public record Evidence(String description, Range computeFlops, Range activeParams, Range totalParams, Range tokens,
                       Range epochs, Range activationRatio, Range granularity) {

    /**
     * Ling's EL fit, arXiv 2507.17702 §5 and Table 2: C from 1e18 to 6e20 FLOPs, A from 1/128 (0.8%) to 100%, G from 2 to 16,
     * no data reuse; the paper gives no single range of parameters or tokens for the fit, so those axes are open.
     */
    public static final Evidence LING_2025 = new Evidence("Ling's fit (arXiv 2507.17702)", new Range(1e18, 6e20),
            Range.ANY, Range.ANY, Range.ANY, new Range(1, 1), new Range(1.0 / 128, 1), new Range(2, 16));

    /** Nothing known: no axis is ever outside. */
    public static final Evidence UNKNOWN = new Evidence("unknown", Range.ANY, Range.ANY, Range.ANY, Range.ANY,
            Range.ANY, Range.ANY, Range.ANY);
}
