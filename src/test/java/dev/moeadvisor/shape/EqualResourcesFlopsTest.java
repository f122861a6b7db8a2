package dev.moeadvisor.shape;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Training FLOPs per token {@code M = 3·(2·N_active + 4·S·L·n_heads·d_head)} against the values printed in
 * Li, Lo et al. (arXiv 2506.12119 v2) Tables 12 and 13, with shapes rebuilt from the bundled transcription, and
 * the paper's N_total / N_active against our counts.
 */
class EqualResourcesFlopsTest {

    static List<CSVRecord> rows() throws Exception {
        try (Reader r = new InputStreamReader(EqualResourcesFlopsTest.class.getClassLoader()
                .getResourceAsStream("data/runs/equal-resources-2025.csv"), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    static ModelShape shapeOf(CSVRecord r) {
        boolean moe = r.get("kind").equals("moe");
        int dExpert = moe ? Integer.parseInt(r.get("d_expert")) : 0;
        int dShared = moe && !r.get("d_shared").isEmpty() ? Integer.parseInt(r.get("d_shared")) : 0;
        return ModelShape.builder().vocabSize(1).seqLen(Integer.parseInt(r.get("seq_len")))
                .layers(Integer.parseInt(r.get("n_layers"))).denseLayers(Integer.parseInt(r.get("dense_layers")))
                .dModel(Integer.parseInt(r.get("d_model"))).heads(Integer.parseInt(r.get("n_heads")))
                .headDim(Integer.parseInt(r.get("d_head"))).dFfn(Integer.parseInt(r.get("d_ffn")))
                .experts(moe ? Integer.parseInt(r.get("experts")) : 0).topK(moe ? Integer.parseInt(r.get("top_k")) : 0)
                .sharedExperts(dShared > 0 ? 1 : 0).dExpert(dExpert).dShared(dShared).build();
    }

    @Test
    void trainingFlopsPerTokenMatchTables12And13WithinOnePercent() throws Exception {
        int checked = 0;
        for (CSVRecord r : rows()) {
            if (!r.get("table").equals("12") && !r.get("table").equals("13")) {
                continue;
            }
            ShapeMetrics m = ShapeMetrics.of(shapeOf(r));
            double printed = Double.parseDouble(r.get("m_train_per_token"));
            assertEquals(printed, m.flopsPerTokenTraining(), 0.01 * printed, r.get("run_id") + " M");
            double nTotal = Double.parseDouble(r.get("n_total"));
            double nActive = Double.parseDouble(r.get("n_active"));
            assertEquals(nTotal, m.totalParams(), 0.015 * nTotal, r.get("run_id") + " N_total");
            assertEquals(nActive, m.activeParams(), 0.015 * nActive, r.get("run_id") + " N_active");
            checked++;
        }
        assertEquals(14, checked, "8 MoE rows of Table 12 and 6 dense rows of Table 13");
    }

    @Test
    void sevenBillionExampleOfScienceSectionOne() throws Exception {
        CSVRecord best7b = rows().stream().filter(r -> r.get("run_id").equals("er-t12-5")).findFirst().orElseThrow();
        ShapeMetrics m = ShapeMetrics.of(shapeOf(best7b));
        // Hand computation: 3·(2·1.308e9 + 4·2048·24·16·128) = 3·(2.616e9 + 0.4027e9) ≈ 9.06e9; printed 9.07e9.
        assertEquals(9.07e9, m.flopsPerTokenTraining(), 0.01 * 9.07e9);
        assertTrue(Math.abs(m.activationRatioParams() - 0.2007) < 0.002, "r_a as printed: 0.2007");
    }
}
