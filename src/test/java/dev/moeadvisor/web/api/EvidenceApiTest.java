package dev.moeadvisor.web.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/v1/evidence}: every bundled source against every law family and model, held-out pairs marked. */
@QuarkusTest
class EvidenceApiTest {

    static JsonPath evidence() {
        return ApiJson.of(given().when().get("/api/v1/evidence").then().statusCode(200).extract().response());
    }

    @Test
    void everySourceAgainstEveryLawAndModelWithWhatEachWasFittedOn() throws InterruptedException {
        DefaultFit.awaitId();
        JsonPath e = evidence();
        assertFalse(e.getBoolean("defaultFitPending"));
        assertEquals(List.of("equal-resources-2025", "ling-2025-table3", "deepseekmoe-2024-table1"),
                e.getList("sources.slug"));
        // every law, the published coefficients with both dense laws, the default fit, then at most 6 stored fits
        // (other tests of this run may have made some: their ids are numbers)
        List<String> ids = e.getList("predictors.id");
        assertEquals(List.of("krajewski-2024", "ludziejewski-2025", "ling-2025+chinchilla-2022", "ling-2025+epoch-2024",
                "default", "ling-2025", "ling-2025-epoch"), ids.subList(0, 7));
        assertTrue(ids.size() <= 7 + 6 && ids.subList(7, ids.size()).stream().allMatch(x -> x.matches("\\d+")), "" + ids);
        // which sources each was fitted on: the default fit on [ER] and Ling's joined pair, the published ones on none
        assertEquals(List.of("equal-resources-2025", "ling-2025-table3"),
                e.getList("predictors.find { it.id == 'default' }.fittedOn"));
        for (String published : List.of("krajewski-2024", "ludziejewski-2025", "ling-2025", "ling-2025-epoch")) {
            assertEquals(List.of(), e.getList("predictors.find { it.id == '" + published + "' }.fittedOn"), published);
        }
        assertEquals(4, e.getInt("sources.find { it.slug == 'deepseekmoe-2024-table1' }.pairs"));

        // By hand (EvidenceReportTest.oneErrorByHand): Krajewski's law puts DeepSeekMoE 6.78% below its dense run,
        // the paper 12.23% (1.808 vs 2.060): error +5.45 points
        String ds = "rows.find { it.moeRun == 'ds-t1-5' }.predictions.find { it.predictor == '%s' }.";
        assertEquals(1.808 / 2.060 - 1, e.getDouble("rows.find { it.moeRun == 'ds-t1-5' }.observedGap"), 1e-12);
        assertEquals(2.824164251937792 / 3.0295478573381525 - 1 - (1.808 / 2.060 - 1),
                e.getDouble(String.format(ds, "krajewski-2024") + "error"), 1e-9);

        // The default fit saw Ling's pair (joined) and not DeepSeekMoE; the published laws saw none of them
        assertEquals("FITTED", e.getString("rows.find { it.moeRun == 'ling-t3-1' }.predictions.find { "
                + "it.predictor == 'default' }.fitted"));
        assertEquals("HELD_OUT", e.getString(String.format(ds, "default") + "fitted"));
        assertEquals(4, e.getInt("summaries.find { it.source == 'deepseekmoe-2024-table1' && "
                + "it.predictor == 'default' }.heldOut"));
        assertNull(e.get("summaries.find { it.source == 'ling-2025-table3' && it.predictor == 'default' }.heldOutRmse"));
        // the reuse Table 14 is held out of the default fit, its dense baseline er-t13-5 is not
        assertEquals("PARTLY", e.getString("rows.find { it.moeRun == 'er-t14-1' }.predictions.find { "
                + "it.predictor == 'default' }.fitted"));
        List<String> lawMarks = e.getList("rows.collectMany { r -> r.predictions.findAll { it.predictor == "
                + "'krajewski-2024' }.fitted }");
        assertTrue(lawMarks.stream().allMatch("HELD_OUT"::equals), "published laws are fitted on no bundled run");

        // Each summary's RMSE is that of its rows' errors
        List<Double> errors = e.getList("rows.findAll { it.source == 'equal-resources-2025' }.collect { r -> "
                + "r.predictions.find { it.predictor == 'ludziejewski-2025' }.error }");
        double ss = errors.stream().mapToDouble(x -> x * x).sum();
        assertEquals(Math.sqrt(ss / errors.size()), e.getDouble("summaries.find { it.source == 'equal-resources-2025' "
                + "&& it.predictor == 'ludziejewski-2025' }.rmse"), 1e-6);
    }

    @Test
    void aStoredFitsColumnIsMarkedByTheRunsItWasFittedOnAndSummarisedByItsRows() throws InterruptedException {
        DefaultFit.awaitId();
        // a real fit of [ER] Tables 11–13 only, through the fit API (d pinned at 0: three tables alone do not
        // identify it, as in FitsApiTest)
        JsonPath fit = ApiJson.of(given().contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("dataset", "equal-resources-2025", "metric", "val_bpc",
                        "filter", java.util.Map.of("tables", List.of(11, 12, 13)), "pinned", java.util.Map.of("d", 0.0),
                        "seed", 29, "bootstrap", 8))
                .post("/api/v1/fits").then().statusCode(201).extract().response());
        assertEquals("DONE", fit.getString("status"));
        String id = fit.getString("id");
        java.util.Map<String, Double> predicted = new java.util.HashMap<>();
        List<String> fitted = fit.getList("residuals.runId");
        for (int i = 0; i < fitted.size(); i++) {
            predicted.put(fitted.get(i), fit.getDouble("residuals[" + i + "].predicted"));
        }
        assertTrue(fitted.stream().allMatch(r -> r.matches("er-t1[123]-.*")), "only Tables 11–13: " + fitted);

        JsonPath e = evidence();
        String column = "predictors.find { it.id == '" + id + "' }";
        assertEquals("fit", e.getString(column + ".kind"));
        assertEquals(List.of("equal-resources-2025"), e.getList(column + ".fittedOn"));
        List<java.util.Map<String, Object>> rows = e.getList("rows");
        java.util.Map<String, Integer> marks = new java.util.TreeMap<>();
        java.util.Map<String, double[]> squares = new java.util.HashMap<>();   // per source: Σe², n, Σe² held out, n
        for (int r = 0; r < rows.size(); r++) {
            String row = "rows[" + r + "]";
            String moe = e.getString(row + ".moeRun");
            String dense = e.getString(row + ".denseRun");
            String source = e.getString(row + ".source");
            String cell = row + ".predictions.find { it.predictor == '" + id + "' }";
            // fitted when both runs are the fit's points, partly when one is, held out else
            int seen = (fitted.contains(moe) ? 1 : 0) + (fitted.contains(dense) ? 1 : 0);
            String mark = seen == 2 ? "FITTED" : seen == 1 ? "PARTLY" : "HELD_OUT";
            assertEquals(mark, e.getString(cell + ".fitted"), moe + " vs " + dense);
            marks.merge(source + " " + mark, 1, Integer::sum);
            // a fitted run's predicted loss is the fit's own prediction of it (its residual)
            if (fitted.contains(moe)) {
                assertEquals(predicted.get(moe), e.getDouble(cell + ".moeLoss"), 1e-9, moe);
            }
            if (fitted.contains(dense)) {
                assertEquals(predicted.get(dense), e.getDouble(cell + ".denseLoss"), 1e-9, dense);
            }
            double err = e.getDouble(cell + ".moeLoss") / e.getDouble(cell + ".denseLoss") - 1
                    - (e.getDouble(row + ".moeValue") / e.getDouble(row + ".denseValue") - 1);
            assertEquals(err, e.getDouble(cell + ".error"), 1e-9, moe);
            double[] q = squares.computeIfAbsent(source, k -> new double[4]);
            q[0] += err * err;
            q[1]++;
            if (mark.equals("HELD_OUT")) {
                q[2] += err * err;
                q[3]++;
            }
        }
        // [ER]: the pairs of Tables 11–13 fitted, the other tables' runs against a fitted dense baseline partly; the
        // other sources held out entirely
        assertTrue(marks.keySet().containsAll(List.of("equal-resources-2025 FITTED", "equal-resources-2025 PARTLY",
                "ling-2025-table3 HELD_OUT", "deepseekmoe-2024-table1 HELD_OUT")), "" + marks);
        assertTrue(marks.keySet().stream().filter(k -> !k.startsWith("equal-resources-2025"))
                .allMatch(k -> k.endsWith("HELD_OUT")), "" + marks);
        for (var q : squares.entrySet()) {
            String summary = "summaries.find { it.source == '" + q.getKey() + "' && it.predictor == '" + id + "' }";
            double[] v = q.getValue();
            assertEquals(Math.sqrt(v[0] / v[1]), e.getDouble(summary + ".rmse"), 1e-9, q.getKey());
            assertEquals((int) v[1], e.getInt(summary + ".pairs"), q.getKey());
            assertEquals((int) v[3], e.getInt(summary + ".heldOut"), q.getKey());
            if (v[3] == 0) {
                assertNull(e.get(summary + ".heldOutRmse"), q.getKey());
            } else {
                assertEquals(Math.sqrt(v[2] / v[3]), e.getDouble(summary + ".heldOutRmse"), 1e-9, q.getKey());
            }
        }
    }
}
