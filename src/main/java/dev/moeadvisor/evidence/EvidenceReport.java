package dev.moeadvisor.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * Every source's matched MoE-vs-dense pairs against every predictor: per pair the observed relative gap
 * {@code L_moe/L_dense − 1} and each predictor's, with its error {@code predicted − observed} (a difference of
 * fractions; ×100 is percentage points), whether the predictor was fitted on the pair ({@link Fitted}) and whether the
 * MoE run lies inside its fitted ranges; per source and predictor the root-mean-square error over all pairs and over
 * the held-out pairs alone. Computed from the runs as given; no number is stored.
 *
 * @param sources    the sources, in order
 * @param predictors the predictors, in order (columns)
 * @param rows       one per pair, sources in order
 * @param summaries  one per source and predictor, sources outer
 */
public record EvidenceReport(List<SourceInfo> sources, List<PredictorInfo> predictors, List<Row> rows,
                             List<Summary> summaries) {

    /** A source: slug, name, citation, and how many of its runs were paired. */
    public record SourceInfo(String slug, String name, String citation, int pairs) {
    }

    /**
     * A predictor: id, name, kind ({@code law} or {@code fit}), loss unit, and the slugs of the sources it was fitted
     * on (any of its fitted runs belongs to the source; empty for the published laws).
     */
    public record PredictorInfo(String id, String name, String kind, String unit, List<String> fittedOn) {
        public PredictorInfo {
            fittedOn = List.copyOf(fittedOn);
        }
    }

    /**
     * One pair.
     *
     * @param source      the source's slug
     * @param moeRun      the MoE run's id
     * @param denseRun    the dense run's id
     * @param matchedOn   how they were paired ({@link MoeDensePair})
     * @param metric      the source's metric
     * @param moeValue    the MoE run's value as published
     * @param denseValue  the dense run's
     * @param observedGap {@code moeValue/denseValue − 1}
     * @param predictions one per predictor, in {@code predictors} order
     */
    public record Row(String source, String moeRun, String denseRun, String matchedOn, String metric, double moeValue,
                      double denseValue, double observedGap, List<Cell> predictions) {
    }

    /**
     * One predictor on one pair.
     *
     * @param predictor    its id
     * @param moeLoss      the MoE run's predicted loss, in the predictor's unit
     * @param denseLoss    the dense run's
     * @param predictedGap {@code moeLoss/denseLoss − 1}
     * @param error        {@code predictedGap − observedGap}
     * @param fitted       whether the predictor saw the pair's runs
     * @param inRange      the MoE run lies inside the predictor's fitted ranges
     * @param outside      the axes outside, in words (empty when in range)
     */
    public record Cell(String predictor, double moeLoss, double denseLoss, double predictedGap, double error,
                       Fitted fitted, boolean inRange, String outside) {
    }

    /**
     * One predictor on one source.
     *
     * @param source       the source's slug
     * @param predictor    the predictor's id
     * @param pairs        pairs compared
     * @param heldOut      of which held out (neither run fitted)
     * @param fitted       of which fitted on both runs
     * @param inRange      of which inside the predictor's fitted ranges
     * @param rmse         root-mean-square error over all pairs
     * @param heldOutRmse  over the held-out pairs; null when there are none
     * @param meanError    mean error (the bias: positive means the predictor thinks the MoE worse than it was)
     */
    public record Summary(String source, String predictor, int pairs, int heldOut, int fitted, int inRange,
                          double rmse, Double heldOutRmse, double meanError) {
    }

    /** Compares every predictor with every source's pairs. */
    public static EvidenceReport of(List<EvidenceSource> sources, List<GapPredictor> predictors) {
        List<SourceInfo> infos = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<Summary> summaries = new ArrayList<>();
        for (EvidenceSource source : sources) {
            List<MoeDensePair> pairs = source.pairs();
            infos.add(new SourceInfo(source.slug(), source.name(), source.citation(), pairs.size()));
            List<Row> sourceRows = new ArrayList<>();
            for (MoeDensePair p : pairs) {
                List<Cell> cells = new ArrayList<>();
                for (GapPredictor g : predictors) {
                    GapPrediction x = g.predict(p);
                    cells.add(new Cell(g.id(), x.moeLoss(), x.denseLoss(), x.gap(), x.gap() - p.observedGap(),
                            Fitted.of(p, g.fittedRunIds()), x.inRange(), x.outside()));
                }
                sourceRows.add(new Row(source.slug(), p.moe().runId(), p.dense().runId(), p.matchedOn(),
                        p.moe().metric(), p.moe().value(), p.dense().value(), p.observedGap(), List.copyOf(cells)));
            }
            rows.addAll(sourceRows);
            for (int j = 0; j < predictors.size(); j++) {
                summaries.add(summary(source.slug(), predictors.get(j).id(), j, sourceRows));
            }
        }
        List<PredictorInfo> p = predictors.stream().map(g -> new PredictorInfo(g.id(), g.name(), g.kind(), g.unit(),
                        sources.stream().filter(s -> s.runs().stream().anyMatch(run -> g.fittedRunIds()
                                .contains(run.runId()))).map(EvidenceSource::slug).toList()))
                .toList();
        return new EvidenceReport(List.copyOf(infos), p, List.copyOf(rows), List.copyOf(summaries));
    }

    private static Summary summary(String source, String predictor, int column, List<Row> rows) {
        double all = 0;
        double held = 0;
        double sum = 0;
        int heldOut = 0;
        int fitted = 0;
        int inRange = 0;
        for (Row r : rows) {
            Cell c = r.predictions().get(column);
            all += c.error() * c.error();
            sum += c.error();
            if (c.fitted() == Fitted.HELD_OUT) {
                held += c.error() * c.error();
                heldOut++;
            } else if (c.fitted() == Fitted.FITTED) {
                fitted++;
            }
            if (c.inRange()) {
                inRange++;
            }
        }
        int n = rows.size();
        return new Summary(source, predictor, n, heldOut, fitted, inRange, n == 0 ? 0 : Math.sqrt(all / n),
                heldOut == 0 ? null : Math.sqrt(held / heldOut), n == 0 ? 0 : sum / n);
    }

    /** The summary of one source and predictor. */
    public Summary summary(String source, String predictor) {
        return summaries.stream().filter(s -> s.source().equals(source) && s.predictor().equals(predictor)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no summary for " + source + " × " + predictor));
    }

    /** The row of one MoE run. */
    public Row row(String moeRun) {
        return rows.stream().filter(r -> r.moeRun().equals(moeRun)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pair for " + moeRun));
    }
}
