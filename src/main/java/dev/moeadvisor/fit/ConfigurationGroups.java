package dev.moeadvisor.fit;

import java.util.List;

/**
 * Which points are the same training configuration printed twice (e.g. arXiv 2506.12119 Tables 9 and 10 share
 * five runs): two points are duplicates when both are MoE or both dense and their {@code N_active}, tokens, unique
 * tokens, {@code A} and {@code G} agree within {@link #RELATIVE_TOLERANCE} (compute may differ: the paper rounds
 * its FLOPs per token differently per table). Leave-one-run-out holds a whole group out, so a run is never
 * predicted by a fit that saw its twin.
 */
final class ConfigurationGroups {

    /** Relative agreement of each configuration number for two points to count as one configuration. */
    static final double RELATIVE_TOLERANCE = 0.005;

    private ConfigurationGroups() {
    }

    /** A group number per point, in point order; the first point of each group names it (groups 0, 1, ...). */
    static int[] of(List<FitPoint> points) {
        int n = points.size();
        int[] group = new int[n];
        int next = 0;
        for (int i = 0; i < n; i++) {
            group[i] = -1;
            for (int j = 0; j < i; j++) {
                if (same(points.get(i), points.get(j))) {
                    group[i] = group[j];
                    break;
                }
            }
            if (group[i] < 0) {
                group[i] = next++;
            }
        }
        return group;
    }

    static boolean same(FitPoint p, FitPoint q) {
        return p.isMoe() == q.isMoe() && close(p.activeParams(), q.activeParams()) && close(p.tokens(), q.tokens())
                && closeOrBothNaN(p.uniqueTokens(), q.uniqueTokens())
                && close(p.activationRatio(), q.activationRatio())
                && closeOrBothNaN(p.granularity(), q.granularity());
    }

    private static boolean closeOrBothNaN(double a, double b) {
        return Double.isNaN(a) ? Double.isNaN(b) : !Double.isNaN(b) && close(a, b);
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }
}
