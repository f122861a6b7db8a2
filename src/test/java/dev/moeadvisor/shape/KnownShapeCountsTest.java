package dev.moeadvisor.shape;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parameter counts of {@link ShapeMetrics} against the counts published in model cards and papers
 * (the bundled {@code data/shapes/known-shapes.json}, sources listed in {@code data/README.md}).
 *
 * <p>Tolerance: 1%. A published figure is rounded ("3.3B"), so the computed count must lie within 1% of some
 * value that rounds to the printed figure, i.e. of the interval {@code published ± unit/2}. Each figure is compared
 * under the convention its card uses ({@link CountConvention}: DeepSeek's and gpt-oss's "active" include the
 * unembedding only, Granite's and GLM's are non-embedding).
 */
class KnownShapeCountsTest {

    static List<KnownShape> knownShapes() throws Exception {
        try (InputStream in = KnownShapeCountsTest.class.getClassLoader()
                .getResourceAsStream("data/shapes/known-shapes.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<List<KnownShape>>() { });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knownShapes")
    void countsReproducePublishedFigures(KnownShape k) {
        ShapeMetrics m = ShapeMetrics.of(k.shape());
        KnownShape.PublishedCounts p = k.published();
        double total = m.totalParams(p.totalConvention());
        double active = m.activeParams(p.activeCountConvention());
        assertWithinPublished(k.id() + " total", p.totalParams(), p.totalParamsUnit(), total);
        assertWithinPublished(k.id() + " active (" + p.activeCountConvention().id() + ")", p.activeParams(), p.unit(),
                active);
        if (p.mtpParams() != null) {
            assertWithinPublished(k.id() + " MTP", p.mtpParams(), p.unit(), m.mtpParams());
        }
        if (p.activeParamsNonEmbedding() != null) {
            assertWithinPublished(k.id() + " active non-embedding", p.activeParamsNonEmbedding(), 1e6, m.activeParams());
        }
        if (p.flopsPerTokenTraining() != null) {
            assertEquals(p.flopsPerTokenTraining(), m.flopsPerTokenTraining(), 0.01 * p.flopsPerTokenTraining(),
                    k.id() + " M within 1%");
        }
    }

    @Test
    void bundlesTheSixModelCardShapesAndTheTwoBestEqualResourcesShapes() throws Exception {
        List<String> ids = knownShapes().stream().map(KnownShape::id).toList();
        assertTrue(ids.containsAll(List.of("mixtral-8x7b", "qwen3-30b-a3b", "olmoe-1b-7b", "ling-mini-2.0",
                "ling-mini-beta", "ling-dense-6.1b", "er-moe-2b-best", "er-moe-7b-best")), ids.toString());
    }

    @Test
    void bundlesAtLeastTwentyPublicMoesWithTheIssuesModels() throws Exception {
        List<KnownShape> all = knownShapes();
        long publicMoes = all.stream().filter(k -> k.shape().isMoe() && !k.id().startsWith("er-")
                && !k.id().equals("ling-mini-beta")).count();
        assertTrue(publicMoes >= 20, "public MoEs: " + publicMoes);
        List<String> ids = all.stream().map(KnownShape::id).toList();
        assertTrue(ids.containsAll(List.of("deepseek-v3", "kimi-k2", "deepseek-v2-lite", "moonlight-16b-a3b",
                "llama-4-scout", "llama-4-maverick", "gpt-oss-20b", "gpt-oss-120b", "qwen3-235b-a22b",
                "qwen3-30b-a3b", "mixtral-8x22b", "granite-3.0-3b-a800m", "olmoe-1b-7b")), ids.toString());
    }

    static void assertWithinPublished(String what, double published, double unit, double computed) {
        double lo = (published - unit / 2) * (1 - 0.01);
        double hi = (published + unit / 2) * (1 + 0.01);
        assertTrue(computed >= lo && computed <= hi,
                () -> String.format("%s: computed %.4g, published %.4g (±%.2g rounding) ± 1%%", what, computed,
                        published, unit / 2));
    }
}
