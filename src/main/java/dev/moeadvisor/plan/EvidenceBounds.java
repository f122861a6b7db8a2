package dev.moeadvisor.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The bounds that keep a search inside the evidence of the papers. The defaults ({@link #EVIDENCE}) are those
 * of the runs behind the laws; a user may widen them, and the plan then carries a warning per widened bound.
 *
 * <ul>
 *   <li>{@code A ≥ 1/128}: the lowest activation ratio in Ling's runs (arXiv 2507.17702, §3, fit range of
 *       Eq. 13);</li>
 *   <li>{@code 2 ≤ G ≤ 16}: Ling's tested granularities (optimum about 8–12);</li>
 *   <li>{@code 48 ≤ d_model/L ≤ 128}: around the aspect ratios arXiv 2506.12119 found fine (60–120; about 85
 *       chosen).</li>
 * </ul>
 *
 * @param minActivationRatio lowest Ling activation ratio {@code A = (k+s)/(E+s)} searched
 * @param minGranularity     lowest {@code G = 2·d_model/d_expert}
 * @param maxGranularity     highest G
 * @param minAspectRatio     lowest {@code d_model/L}
 * @param maxAspectRatio     highest {@code d_model/L}
 */
public record EvidenceBounds(double minActivationRatio, double minGranularity, double maxGranularity,
                             double minAspectRatio, double maxAspectRatio) {

    /** The defaults: the evidence of arXiv 2507.17702 and arXiv 2506.12119. */
    public static final EvidenceBounds EVIDENCE = new EvidenceBounds(1.0 / 128, 2, 16, 48, 128);

    public EvidenceBounds {
        if (!(minActivationRatio > 0 && minActivationRatio <= 1)) {
            throw new PlanRequestException("minActivationRatio", "must lie in (0, 1]");
        }
        if (!(minGranularity > 0) || !Double.isFinite(minGranularity)) {
            throw new PlanRequestException("minGranularity", "must be positive and finite");
        }
        if (!(maxGranularity >= minGranularity) || !Double.isFinite(maxGranularity)) {
            throw new PlanRequestException("maxGranularity", "must be finite and at least minGranularity");
        }
        if (!(minAspectRatio > 0) || !Double.isFinite(minAspectRatio)) {
            throw new PlanRequestException("minAspectRatio", "must be positive and finite");
        }
        if (!(maxAspectRatio >= minAspectRatio) || !Double.isFinite(maxAspectRatio)) {
            throw new PlanRequestException("maxAspectRatio", "must be finite and at least minAspectRatio");
        }
    }

    /** One sentence per bound of these that lies beyond {@code reference}; empty when none is widened. */
    public List<String> widenedBeyond(EvidenceBounds reference) {
        List<String> out = new ArrayList<>();
        if (minActivationRatio < reference.minActivationRatio) {
            out.add(String.format("minActivationRatio widened to %.4g (evidence: A ≥ %.4g)", minActivationRatio,
                    reference.minActivationRatio));
        }
        if (minGranularity < reference.minGranularity || maxGranularity > reference.maxGranularity) {
            out.add(String.format("granularity widened to [%.3g, %.3g] (evidence: [%.3g, %.3g])", minGranularity,
                    maxGranularity, reference.minGranularity, reference.maxGranularity));
        }
        if (minAspectRatio < reference.minAspectRatio || maxAspectRatio > reference.maxAspectRatio) {
            out.add(String.format("d_model/L widened to [%.3g, %.3g] (evidence: [%.3g, %.3g])", minAspectRatio,
                    maxAspectRatio, reference.minAspectRatio, reference.maxAspectRatio));
        }
        return out;
    }
}
