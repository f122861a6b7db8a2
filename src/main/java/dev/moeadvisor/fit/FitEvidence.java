package dev.moeadvisor.fit;

import dev.moeadvisor.envelope.Evidence;
import dev.moeadvisor.law.Range;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A fit's evidence envelope: the span of its runs' compute, active and total parameters, tokens and epochs, and of
 * its MoE runs' A and G. An axis no run reports (total parameters of synthetic points) stays open.
 */
final class FitEvidence {

    private FitEvidence() {
    }

    static Evidence of(List<FitPoint> points) {
        List<FitPoint> moe = points.stream().filter(FitPoint::isMoe).toList();
        return new Evidence("the " + points.size() + " fitted runs", span(points, FitPoint::compute),
                span(points, FitPoint::activeParams), span(points, FitPoint::totalParams), span(points, FitPoint::tokens),
                span(points, FitEvidence::epochs), span(moe, FitPoint::activationRatio),
                span(moe, FitPoint::granularity));
    }

    private static double epochs(FitPoint p) {
        return Double.isNaN(p.uniqueTokens()) ? 1.0 : Math.max(1.0, p.tokens() / p.uniqueTokens());
    }

    private static Range span(List<FitPoint> points, ToDoubleFunction<FitPoint> f) {
        double[] v = points.stream().mapToDouble(f).filter(Double::isFinite).toArray();
        if (v.length == 0) {
            return Range.ANY;
        }
        return new Range(java.util.Arrays.stream(v).min().orElseThrow(), java.util.Arrays.stream(v).max().orElseThrow());
    }
}
