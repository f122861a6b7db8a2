package dev.moeadvisor.fit;

import java.util.List;

/** The fit points as parallel arrays, read by index (a sample is an index array, with repeats for a resample). */
final class PointData {

    final String[] ids;
    final double[] activeParams;
    final double[] tokens;
    final double[] uniqueTokens;
    final double[] activationRatio;
    final double[] granularity;
    final double[] compute;
    final double[] observed;
    final double[] logObserved;

    PointData(List<FitPoint> points) {
        int n = points.size();
        ids = new String[n];
        activeParams = new double[n];
        tokens = new double[n];
        uniqueTokens = new double[n];
        activationRatio = new double[n];
        granularity = new double[n];
        compute = new double[n];
        observed = new double[n];
        logObserved = new double[n];
        for (int i = 0; i < n; i++) {
            FitPoint p = points.get(i);
            ids[i] = p.runId();
            activeParams[i] = p.activeParams();
            tokens[i] = p.tokens();
            uniqueTokens[i] = p.uniqueTokens();
            activationRatio[i] = p.activationRatio();
            granularity[i] = p.granularity();
            compute[i] = p.compute();
            observed[i] = p.observed();
            logObserved[i] = Math.log(p.observed());
        }
    }

    int size() {
        return ids.length;
    }
}
