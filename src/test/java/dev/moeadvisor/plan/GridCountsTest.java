package dev.moeadvisor.plan;

import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link GridCounts} equals {@link ShapeMetrics#of} to the last bit on every point of several grids. */
class GridCountsTest {

    @Test
    void everyMoeAndDenseGridPointCountsAsItsShape() {
        long points = 0;
        for (PlanRequest r : FastSearchEquivalenceTest.requests().values()) {
            SearchSpace space = new SearchSpace(r.toBuilder().computeFlops(1e24).uniqueTokens(PlanRequest.AMPLE)
                    .hardware(null).build());
            for (int dModel : space.dModels()) {
                if (dModel > 16384) {
                    break;
                }
                for (int layers : space.layers(dModel)) {
                    for (int dExpert : space.expertWidths(dModel)) {
                        for (int k : space.topKs()) {
                            for (int e : space.experts()) {
                                for (int dense = r.minDenseLayers(); dense <= space.maxDenseLayers(layers);
                                     dense++) {
                                    if (e <= k || !space.buildable(dense, dExpert, k)) {
                                        continue;
                                    }
                                    ModelShape s = space.moe(dModel, layers, dense, dExpert, e, k);
                                    ShapeMetrics m = ShapeMetrics.of(s);
                                    GridCounts g = GridCounts.of(space.moe(dModel, layers, r.minDenseLayers(),
                                            space.expertWidths(dModel)[0], e, k));
                                    int ds = space.sharedWidth(dExpert, k);
                                    int ffn = space.denseFirstLayerFfn(dExpert, k);
                                    int es = r.sharedExperts();
                                    assertEquals(m.totalParams(), g.moeTotal(layers, dense, dExpert, e, k, es, ds, ffn));
                                    double active = g.moeActive(layers, dense, dExpert, e, k, es, ds, ffn);
                                    assertEquals(m.activeParams(), active);
                                    assertEquals(m.flopsPerTokenTraining(), g.flopsPerTokenTraining(active));
                                    assertEquals(m.activationRatioLing(), GridCounts.activationRatio(es, ds, dExpert, e, k));
                                    points++;
                                }
                            }
                        }
                    }
                    for (int dFfn : space.denseFfnWidths(dModel)) {
                        ShapeMetrics m = ShapeMetrics.of(space.dense(dModel, layers, dFfn));
                        GridCounts g = GridCounts.of(space.dense(dModel, layers, space.denseFfnWidths(dModel)[0]));
                        assertEquals(m.totalParams(), g.denseTotal(layers, dFfn));
                        assertEquals(m.flopsPerTokenTraining(), g.flopsPerTokenTraining(g.denseTotal(layers, dFfn)));
                    }
                }
            }
        }
        assertEquals(true, points > 100_000, "grid points checked: " + points);
    }
}
