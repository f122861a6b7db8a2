package dev.moeadvisor.web.api;

import dev.moeadvisor.law.family.ImpliedLeverage;
import dev.moeadvisor.law.family.KrajewskiLaw;
import dev.moeadvisor.law.family.LingComposedLaw;
import dev.moeadvisor.shape.ModelShape;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/v1/laws} lists the MoE law families; {@code POST /api/v1/laws/compare} compares them on a shape. */
@QuarkusTest
class LawsApiTest {

    /** Qwen3-30B-A3B (model card): 48 layers, d 2048, 32/4 heads of 128, 128 experts of width 768, top-8. */
    static final String QWEN3 = """
            {"vocabSize":151936,"seqLen":4096,"layers":48,"dModel":2048,"heads":32,"kvHeads":4,"headDim":128,
             "experts":128,"topK":8,"dExpert":768}""";
    static final ModelShape QWEN3_SHAPE = ModelShape.builder().vocabSize(151936).seqLen(4096).layers(48).dModel(2048)
            .heads(32).kvHeads(4).headDim(128).experts(128).topK(8).dExpert(768).build();

    static JsonPath compare(String body) {
        return ApiJson.of(given().contentType(ContentType.JSON).body(body).when().post("/api/v1/laws/compare")
                .then().statusCode(200).contentType(ContentType.JSON).extract().response());
    }

    @Test
    void lawsListTheFamiliesWithConventionsUnitsAndRanges() {
        JsonPath laws = ApiJson.of(given().when().get("/api/v1/laws").then().statusCode(200).extract().response());
        List<String> families = laws.getList("findAll { it.kind == 'moe-loss-family' }.id");
        assertEquals(List.of("krajewski-2024", "ludziejewski-2025", "ling-2025+chinchilla-2022", "ling-2025+epoch-2024"),
                families);
        assertEquals("2402.07871", laws.getString("find { it.id == 'krajewski-2024' }.citation.arxiv"));
        assertEquals(0.58, laws.getDouble("find { it.id == 'krajewski-2024' }.coefficients.gamma"), 0);
        assertEquals(64, laws.getDouble("find { it.id == 'krajewski-2024' }.fittedRanges.experts.min"), 0);
        assertTrue(laws.getString("find { it.id == 'krajewski-2024' }.unit").contains("C4"));
        assertTrue(laws.getString("find { it.id == 'ludziejewski-2025' }.conventions.params").contains("embedding"));
        assertEquals(290.4521, laws.getDouble("find { it.id == 'ludziejewski-2025' }.coefficients.eMax"), 0);
        assertEquals(32, laws.getDouble("find { it.id == 'ludziejewski-2025' }.fittedRanges.experts.max"), 0);
        assertEquals("active parameters with embeddings",
                laws.getString("find { it.id == 'ludziejewski-2025' }.axes.params"));
        // the existing entries stay
        assertEquals(1.23, laws.getDouble("find { it.id == 'ling-2025' }.coefficients.a"), 1e-12);
    }

    /**
     * Qwen3-30B-A3B at 1e20 FLOPs: A = 8/128 = 6.25%, Ling's G = 2·2048/768 = 5.33, inside the Ling law's ranges;
     * expansion rate 128/8 = 16 against Krajewski's fitted 64 and top-8 against the joint law's top-1 lie outside.
     * The numbers are the core's (tested against the papers), carried unchanged.
     */
    @Test
    void oneComputeGivesEachLawsElLossAndRanges() {
        JsonPath r = compare("{\"shape\":" + QWEN3 + ",\"computeFlops\":1e20}");
        assertEquals(List.of(1e20), r.getList("computes", Double.class));
        assertEquals(4, r.getList("laws").size());
        String ling = "laws.find { it.id == 'ling-2025+chinchilla-2022' }.points[0]";
        ImpliedLeverage lingCore = ImpliedLeverage.of(LingComposedLaw.WITH_CHINCHILLA, QWEN3_SHAPE, 1e20);
        assertEquals(lingCore.leverage(), r.getDouble(ling + ".leverage"), 1e-9 * lingCore.leverage());
        assertEquals(lingCore.loss(), r.getDouble(ling + ".loss"), 1e-9);
        assertTrue(r.getBoolean(ling + ".inRange"));
        assertEquals(0.0625, r.getDouble(ling + ".variables.activationRatio"), 1e-12);
        String k = "laws.find { it.id == 'krajewski-2024' }.points[0]";
        ImpliedLeverage kCore = ImpliedLeverage.of(KrajewskiLaw.PUBLISHED, QWEN3_SHAPE, 1e20);
        assertEquals(kCore.leverage(), r.getDouble(k + ".leverage"), 1e-9 * kCore.leverage());
        assertFalse(r.getBoolean(k + ".inRange"));
        assertEquals(16, r.getDouble(k + ".axes.find { it.axis == 'experts' }.value"), 1e-12);
        assertEquals(4, r.getDouble(k + ".axes.find { it.axis == 'experts' }.factor"), 1e-12);
        assertEquals(2 * 2 * 2048.0 / 768, r.getDouble(k + ".variables.granularity"), 1e-12, "twice Ling's G");
        String j = "laws.find { it.id == 'ludziejewski-2025' }.points[0]";
        assertFalse(r.getBoolean(j + ".axes.find { it.axis == 'topK' }.inRange"));
        assertTrue(r.getString("laws.find { it.id == 'ludziejewski-2025' }.unit").contains("FineWeb-Edu"));
    }

    @Test
    void aRangeOfComputesIsLogSpaced() {
        JsonPath r = compare("{\"shape\":" + QWEN3 + ",\"computeRange\":{\"min\":1e18,\"max\":1e24,\"points\":7}}");
        List<Double> computes = r.getList("computes", Double.class);
        assertEquals(7, computes.size());
        for (int i = 0; i < 7; i++) {
            assertEquals(Math.pow(10, 18 + i), computes.get(i), 1e-9 * computes.get(i));
        }
        assertEquals(7, r.getList("laws[2].points").size());
        // Ling's compute range is 1e18–6e20: in range at 1e18..1e20, out from 1e21
        assertEquals(List.of(true, true, true, false, false, false, false), r.getList("laws[2].points.inRange"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no compute     | {\"shape\":" + "{\"vocabSize\":1000,\"seqLen\":128,\"layers\":2,\"dModel\":64,\"heads\":4,\"experts\":8,\"topK\":2,\"dExpert\":32}} | computeFlops",
            "both computes  | {\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":2,\"dModel\":64,\"heads\":4,\"experts\":8,\"topK\":2,\"dExpert\":32},\"computeFlops\":1e20,\"computeRange\":{\"min\":1e18,\"max\":1e20}} | computeFlops",
            "dense shape    | {\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":2,\"dModel\":64,\"heads\":4,\"dFfn\":256},\"computeFlops\":1e20} | shape.experts",
            "negative C     | {\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":2,\"dModel\":64,\"heads\":4,\"experts\":8,\"topK\":2,\"dExpert\":32},\"computeFlops\":-1} | computeFlops",
            "max below min  | {\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":2,\"dModel\":64,\"heads\":4,\"experts\":8,\"topK\":2,\"dExpert\":32},\"computeRange\":{\"min\":1e20,\"max\":1e18}} | computeRange.max",
            "too many points| {\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":2,\"dModel\":64,\"heads\":4,\"experts\":8,\"topK\":2,\"dExpert\":32},\"computeRange\":{\"min\":1e18,\"max\":1e20,\"points\":100000}} | computeRange.points",
            "missing min    | {\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":2,\"dModel\":64,\"heads\":4,\"experts\":8,\"topK\":2,\"dExpert\":32},\"computeRange\":{\"max\":1e20}} | computeRange.min",
            "topK > experts | {\"shape\":{\"vocabSize\":1000,\"seqLen\":128,\"layers\":2,\"dModel\":64,\"heads\":4,\"experts\":8,\"topK\":9,\"dExpert\":32},\"computeFlops\":1e20} | shape.topK",
            "missing shape  | {\"computeFlops\":1e20} | shape"})
    void badInputIsA400ProblemNamingTheField(String name, String body, String field) {
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/laws/compare")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field))
                .body("detail", org.hamcrest.Matchers.not(containsString("Exception")));
    }
}
