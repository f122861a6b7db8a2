package dev.moeadvisor.fit;

/**
 * An EL observation of a joined source ({@link ElObservation}) against the fit: the EL observed, the EL of the
 * fit that used it, and the EL predicted by the refit without that source (leave-one-source-out).
 *
 * @param source          the source's data set
 * @param runId           the MoE run
 * @param activationRatio its A
 * @param granularity     its G
 * @param computeFlops    its compute
 * @param observed        EL observed
 * @param fitted          EL of the fit with the source
 * @param withoutSource   EL predicted by the refit without the source; NaN when that refit did not converge
 */
public record ElCheck(String source, String runId, double activationRatio, double granularity, double computeFlops,
                      double observed, double fitted, double withoutSource) {
}
