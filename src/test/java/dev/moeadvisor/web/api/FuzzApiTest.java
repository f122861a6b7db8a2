package dev.moeadvisor.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hardening: seeded random and malformed input at every API endpoint. Each request must be answered below 500, and
 * every 4xx must be {@code application/problem+json} whose {@code status} equals the HTTP status and which names no
 * Java class and carries no stack trace. 2xx JSON must be strict JSON (no bare NaN).
 *
 * <p>Reproduce with {@code -Dfuzz.seed=<seed>} (printed at the start); narrow with {@code -Dfuzz.only=<endpoint>},
 * {@code -Dfuzz.from=<iteration>} and {@code -Dfuzz.iterations=<n>}. Each iteration draws from its own
 * {@link SplittableRandom} seeded from (seed, endpoint, iteration), so one iteration replays alone.
 *
 * <p>Cost: valid plans, sweeps and fits do real work, so generation is biased to invalid bodies, and guards keep
 * whatever stays valid cheap (sweeps ≤ 6 budgets, fits of the bundled runs over ≤ 14 runs with ≤ 5 resamples,
 * stored uploads ≤ 20 runs).
 *
 * <p>Out of reach: what the HTTP server refuses before the application sees it is not problem+json — a request line
 * over 4096 bytes (414, empty body) and a body over {@code quarkus.http.limits.max-body-size} (413, connection
 * closed). Generated query strings and path segments stay under the first, bodies under the second.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FuzzApiTest {

    static final long SEED = Long.getLong("fuzz.seed", 20251123L);
    static final int N = Integer.getInteger("fuzz.iterations", 1000);
    static final int FROM = Integer.getInteger("fuzz.from", 0);
    static final String ONLY = System.getProperty("fuzz.only", "");
    static final String BUNDLED = "equal-resources-2025";
    static final String PROBLEM = "application/problem+json";
    /** What a response must never show: class names and stack frames. */
    static final List<String> LEAKS = List.of("Exception", "at dev.", "java.lang", "java.util", "jakarta.",
            "com.fasterxml", "org.hibernate", "io.quarkus", "io.vertx", "org.jboss", "\tat ", "Caused by");

    static final RestAssuredConfig CONFIG = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    static final Map<String, Map<Integer, Integer>> COUNTS = new LinkedHashMap<>();
    static final Map<String, Long> MILLIS = new LinkedHashMap<>();
    static final Map<String, String> SLOWEST = new LinkedHashMap<>();
    static final List<String> FAILURES = new CopyOnWriteArrayList<>();

    static final String LING_MINI_BETA = """
            {"vocabSize":126464,"seqLen":4096,"layers":20,"denseLayers":1,"dModel":2048,"heads":16,"kvHeads":4,
             "dFfn":5120,"experts":384,"topK":12,"sharedExperts":1,"dExpert":384}""";
    static final String DENSE = """
            {"vocabSize":126464,"seqLen":4096,"layers":28,"denseLayers":28,"dModel":4096,"heads":32,"kvHeads":8,
             "dFfn":14336}""";
    static final String SMALL_MOE = """
            {"vocabSize":65536,"seqLen":2048,"layers":24,"denseLayers":1,"dModel":2048,"heads":16,"dFfn":5464,
             "experts":78,"topK":6,"sharedExperts":1,"dExpert":512,"dShared":3072,"tiedEmbeddings":false}""";
    static final String DEFAULT_FIT = """
            {"dataset":"equal-resources-2025","metric":"val_bpc","filter":{"tables":[9,10,11,12,13]}}""";
    /** Tables 12 and 13 of the bundled runs: 14 runs, a fit of a fraction of a second. */
    static final List<String> SMALL_RUN_IDS = List.of("er-t12-1", "er-t12-2", "er-t12-3", "er-t12-4", "er-t12-5",
            "er-t12-6", "er-t12-7", "er-t12-8", "er-t13-1", "er-t13-2", "er-t13-3", "er-t13-4", "er-t13-5", "er-t13-6");
    static final String CSV_HEADER = "run_id,kind,n_layers,d_model,n_heads,d_ffn,experts,top_k,d_expert,d_shared,"
            + "dense_layers,tokens,unique_tokens,metric,value";

    static volatile boolean ready;
    static String defaultFitId;
    static String fitDataset;
    static final List<String> shapeIds = new ArrayList<>();
    static final List<String> planIds = new CopyOnWriteArrayList<>();
    static final List<String> datasetIds = new CopyOnWriteArrayList<>();
    static final List<String> fitIds = new CopyOnWriteArrayList<>();

    static synchronized void setUp() throws Exception {
        if (ready) {
            return;
        }
        System.out.println("[fuzz] seed " + SEED + " (override with -Dfuzz.seed), " + N + " requests per endpoint");
        defaultFitId = DefaultFit.awaitId();
        fitIds.addAll(List.of(defaultFitId, "ling-2025", "ling-2025-epoch"));
        shapeIds.addAll(given().get("/api/v1/shapes").then().statusCode(200).extract().jsonPath().getList("id"));
        // A small data set for fits: tables 12 and 13 of the bundled runs (14 runs).
        String csv = given().get("/api/v1/datasets/" + BUNDLED + "/runs.csv").then().statusCode(200).extract().asString();
        String[] lines = csv.split("\n");
        StringBuilder small = new StringBuilder(lines[0]).append('\n');
        Arrays.stream(lines).filter(l -> l.startsWith("er-t12-") || l.startsWith("er-t13-"))
                .forEach(l -> small.append(l).append('\n'));
        fitDataset = given().contentType("text/csv").queryParam("name", "fuzz fit base").body(small.toString())
                .post("/api/v1/datasets").then().statusCode(201).extract().path("id");
        datasetIds.addAll(List.of(BUNDLED, fitDataset));
        planIds.add(given().contentType("application/json").body("{\"computeFlops\":1e21,\"model\":\"ling-2025\"}")
                .post("/api/v1/plan").then().statusCode(201).extract().path("id").toString());
        ready = true;
    }

    // ---------------------------------------------------------------- the endpoints

    @Test
    @Order(1)
    void evaluate() throws Exception {
        fuzz("evaluate", f -> json(f, "POST", "/api/v1/evaluate", f.mutate(evaluateBody(f), 0.15, 0.15, x -> x)));
    }

    @Test
    @Order(2)
    void plan() throws Exception {
        fuzz("plan", f -> {
            Req q = json(f, "POST", "/api/v1/plan", f.mutate(planBody(f), 0.1, 0.15, x -> x));
            return q;
        });
    }

    @Test
    @Order(3)
    void sweep() throws Exception {
        fuzz("plan/sweep", f -> {
            Req q = json(f, "POST", "/api/v1/plan/sweep", f.mutate(sweepBody(f), 0.08, 0.15, FuzzApiTest::sweepGuard));
            return f.chance(0.3) ? q.withAccept(f.pick("text/csv", "text/csv, application/json", "*/*", "text/*"))
                    : q;
        });
    }

    @Test
    @Order(12)
    void explore() throws Exception {
        fuzz("explore", f -> json(f, "POST", "/api/v1/explore", f.mutate(exploreBody(f), 0.15, 0.15, x -> x)));
    }

    @Test
    @Order(4)
    void datasetsJson() throws Exception {
        fuzz("datasets (json)", f -> json(f, "POST", "/api/v1/datasets",
                f.mutate(datasetBody(f), 0.1, 0.15, FuzzApiTest::datasetGuard)));
    }

    @Test
    @Order(5)
    void datasetsCsv() throws Exception {
        fuzz("datasets (csv)", f -> {
            byte[] body;
            int rows = f.between(1, 4);
            List<List<String>> table = csvTable(f, rows);
            if (f.chance(0.005)) {                                   // over the row limit: refused whole
                for (int i = 0; i < 10_001; i++) {
                    table.add(csvRow(f, i));
                }
            }
            double k = f.r.nextDouble();
            if (k < 0.1) {
                body = join(table).getBytes(StandardCharsets.UTF_8);
            } else if (k < 0.85) {
                body = f.mutateCsv(table).getBytes(StandardCharsets.UTF_8);
            } else if (k < 0.9) {
                body = f.randomBytes(f.between(0, 3000));
            } else if (k < 0.95) {
                body = new byte[0];
            } else {
                body = f.mutateText(join(table));
            }
            Map<String, String> query = new LinkedHashMap<>();
            if (!f.chance(0.1)) {
                query.put("name", f.chance(0.8) ? "fuzz " + f.word(f.between(1, 12))
                        : f.pick("", " ", "x".repeat(201), f.unicode(f.between(1, 40)), f.pick(JsonFuzzer.ODD_STRINGS)));
            }
            if (f.chance(0.2)) {
                query.put("description", f.chance(0.5) ? f.word(f.between(0, 300)) : f.unicode(f.between(1, 60)));
            }
            String ct = f.chance(0.85) ? "text/csv"
                    : f.pick("text/csv; charset=UTF-8", "text/csv; charset=nonsense", "text/CSV", "text/plain",
                    "application/json", "application/octet-stream", null);
            return new Req("POST", "/api/v1/datasets", ct, null, body, query);
        });
    }

    @Test
    @Order(6)
    void fits() throws Exception {
        fuzz("fits", f -> json(f, "POST", "/api/v1/fits", f.mutate(fitBody(f), 0.05, 0.15, FuzzApiTest::fitGuard)));
    }

    @Test
    @Order(7)
    void predict() throws Exception {
        fuzz("fits/{id}/predict", f -> {
            double k = f.r.nextDouble();
            String id = k < 0.45 ? "ling-2025" : k < 0.6 ? defaultFitId : k < 0.65 ? "ling-2025-epoch"
                    : f.pathSegment(fitIds);
            return json(f, "POST", "/api/v1/fits/" + id + "/predict", f.mutate(predictBody(f), 0.2, 0.15, x -> x));
        });
    }

    @Test
    @Order(8)
    void getShape() throws Exception {
        fuzz("GET shapes/{id}", f -> get(f, "/api/v1/shapes/", shapeIds));
    }

    @Test
    @Order(9)
    void getPlan() throws Exception {
        fuzz("GET plans/{id}", f -> get(f, "/api/v1/plans/", planIds));
    }

    @Test
    @Order(10)
    void getDataset() throws Exception {
        fuzz("GET datasets/{id}", f -> get(f, "/api/v1/datasets/", datasetIds));
    }

    @Test
    @Order(11)
    void getFit() throws Exception {
        fuzz("GET fits/{id}", f -> get(f, "/api/v1/fits/", fitIds));
    }

    @AfterAll
    static void report() {
        StringBuilder b = new StringBuilder("\n[fuzz] seed ").append(SEED).append(": statuses per endpoint\n");
        COUNTS.forEach((endpoint, counts) -> b.append(String.format("  %-20s %5d requests %7.1f s  %s%n", endpoint,
                counts.values().stream().mapToInt(Integer::intValue).sum(), MILLIS.get(endpoint) / 1000.0, counts)));
        SLOWEST.forEach((endpoint, s) -> b.append(String.format("  slowest %-20s %s%n", endpoint, s)));
        System.out.println(b);
    }

    // ---------------------------------------------------------------- valid bodies (before mutation)

    static ObjectNode node(String json) {
        try {
            return (ObjectNode) JsonFuzzer.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode shape(JsonFuzzer f) {
        return node(f.pick(LING_MINI_BETA, DENSE, SMALL_MOE));
    }

    static ObjectNode gpuBudget(JsonFuzzer f) {
        ObjectNode g = JsonFuzzer.MAPPER.createObjectNode();
        if (f.chance(0.8)) {
            g.put("gpu", f.pick("A100", "A100_40", "H100", "H800", "H200", "B200", "MI300X"));
        } else {
            g.put("peakFlops", f.decade(14, 16));
        }
        g.put("count", f.between(1, 4096)).put("hours", f.between(1, 2000)).put("mfu", 0.1 + 0.5 * f.r.nextDouble());
        return g;
    }

    static JsonNode evaluateBody(JsonFuzzer f) {
        ObjectNode b = JsonFuzzer.MAPPER.createObjectNode();
        b.set("shape", shape(f));
        switch (f.nextInt(3)) {
            case 0 -> b.put("tokens", f.decade(9, 13));
            case 1 -> b.put("computeFlops", f.decade(18, 24));
            default -> b.set("gpuBudget", gpuBudget(f));
        }
        return b;
    }

    static ObjectNode planTemplate(JsonFuzzer f) {
        ObjectNode b = JsonFuzzer.MAPPER.createObjectNode();
        b.put("model", f.pick("ling-2025", "ling-2025-epoch", "default", defaultFitId));
        if (f.chance(0.3)) {
            b.put("seqLen", f.pick(2048, 4096));
        }
        if (f.chance(0.2)) {
            b.put("maxTotalParams", f.decade(9, 12));
        }
        if (f.chance(0.2)) {
            b.put("minTopK", 2).put("maxTopK", f.between(2, 6));
        }
        if (f.chance(0.2)) {
            b.put("sharedExpert", f.r.nextBoolean());
        }
        if (f.chance(0.2)) {
            b.put("alternatives", f.between(0, 5));
        }
        if (f.chance(0.1)) {
            b.put("minGranularity", 2).put("maxGranularity", 16);
        }
        return b;
    }

    static JsonNode planBody(JsonFuzzer f) {
        ObjectNode b = planTemplate(f);
        if (f.chance(0.8)) {
            b.put("computeFlops", f.decade(19, 23));
        } else {
            b.set("gpuBudget", gpuBudget(f));
        }
        if (f.chance(0.5)) {
            b.put("uniqueTokens", f.decade(10, 13));
        }
        return b;
    }

    static JsonNode sweepBody(JsonFuzzer f) {
        ObjectNode b = JsonFuzzer.MAPPER.createObjectNode();
        if (f.chance(0.8)) {
            b.set("template", planTemplate(f));
        }
        if (f.chance(0.6)) {
            b.put("minComputeFlops", f.decade(19, 20)).put("maxComputeFlops", f.decade(20, 22))
                    .put("computePoints", f.between(1, 3));
            if (f.chance(0.5)) {
                b.putArray("uniqueTokens").add(f.decade(11, 13));
            }
        } else {
            ArrayNode budgets = b.putArray("budgets");
            int n = f.between(1, 3);
            for (int i = 0; i < n; i++) {
                ObjectNode x = budgets.addObject().put("computeFlops", f.decade(19, 22));
                if (f.chance(0.5)) {
                    x.put("uniqueTokens", f.decade(11, 13));
                }
            }
        }
        return b;
    }

    static JsonNode exploreBody(JsonFuzzer f) {
        ObjectNode b = JsonFuzzer.MAPPER.createObjectNode();
        b.put("computeFlops", f.decade(18, 24));
        b.put("model", f.pick("ling-2025", "ling-2025-epoch", "default", defaultFitId, "ling-2025+epoch-2024",
                "krajewski-2024"));
        if (f.chance(0.5)) {
            b.put("uniqueTokens", f.decade(10, 13));
        }
        if (f.chance(0.2)) {
            b.put("maxTotalParams", f.decade(9, 12));
        }
        if (f.chance(0.3)) {
            b.put("experts", f.pick(8, 16, 32, 64, 128, 256, 7));
        }
        if (f.chance(0.3)) {
            b.put("topK", f.between(1, 8));
        }
        if (f.chance(0.3)) {
            b.put("granularity", f.pick(1.0, 2.0, 2.83, 4.0, 8.0, 16.0, 100.0));
        }
        if (f.chance(0.1)) {
            b.put("minGranularity", f.pick(0.5, 1.0, 2.0)).put("maxGranularity", f.pick(16, 32, 64));
        }
        if (f.chance(0.1)) {
            b.put("maxExperts", f.pick(64, 256, 1024)).put("maxTopK", f.between(1, 16));
        }
        return b;
    }

    static ObjectNode run(JsonFuzzer f) {
        ObjectNode r = JsonFuzzer.MAPPER.createObjectNode();
        if (f.chance(0.5)) {
            r.put("runId", f.word(6)).put("kind", "dense").put("nLayers", 28).put("dModel", 2176).put("nHeads", 17)
                    .put("dFfn", 8848);
        } else {
            r.put("runId", f.word(6)).put("kind", "moe").put("nLayers", 16).put("dModel", 1408).put("nHeads", 11)
                    .put("dFfn", 3904).put("experts", 84).put("topK", 6).put("dExpert", 352).put("dShared", 2112)
                    .put("denseLayers", 1);
        }
        r.put("tokens", f.decade(10, 12)).put("metric", "val_bpc").put("value", 0.4 + 0.2 * f.r.nextDouble());
        return r;
    }

    static JsonNode datasetBody(JsonFuzzer f) {
        ObjectNode b = JsonFuzzer.MAPPER.createObjectNode();
        b.put("name", "fuzz " + f.word(f.between(1, 12)));
        if (f.chance(0.5)) {
            b.put("description", f.word(20));
        }
        ArrayNode runs = b.putArray("runs");
        int n = f.between(1, 3);
        for (int i = 0; i < n; i++) {
            runs.add(run(f));
        }
        return b;
    }

    static List<String> csvRow(JsonFuzzer f, int i) {
        String tokens = String.format("%.3e", f.decade(10, 12));
        String value = String.format("%.4f", 0.4 + 0.2 * f.r.nextDouble());
        return f.chance(0.5)
                ? new ArrayList<>(List.of("r" + i, "moe", "16", "1408", "11", "3904", "84", "6", "352", "2112", "1",
                tokens, "", "val_bpc", value))
                : new ArrayList<>(List.of("r" + i, "dense", "28", "2176", "17", "8848", "", "", "", "", "", tokens, "",
                "val_bpc", value));
    }

    static List<List<String>> csvTable(JsonFuzzer f, int rows) {
        List<List<String>> t = new ArrayList<>();
        t.add(new ArrayList<>(List.of(CSV_HEADER.split(","))));
        for (int i = 0; i < rows; i++) {
            t.add(csvRow(f, i));
        }
        return t;
    }

    static String join(List<List<String>> t) {
        StringBuilder b = new StringBuilder();
        t.forEach(row -> b.append(String.join(",", row)).append('\n'));
        return b.toString();
    }

    static JsonNode fitBody(JsonFuzzer f) {
        double k = f.r.nextDouble();
        if (k < 0.3) {
            return node(DEFAULT_FIT);                                 // answered from the stored default fit
        }
        ObjectNode b = JsonFuzzer.MAPPER.createObjectNode();
        b.put("dataset", k < 0.65 ? fitDataset : BUNDLED).put("metric", "val_bpc");
        ObjectNode filter = b.putObject("filter");
        if (k >= 0.65) {
            ArrayNode ids = filter.putArray("runIds");
            SMALL_RUN_IDS.forEach(ids::add);
        }
        if (f.chance(0.3)) {
            filter.putArray("kinds").add(f.pick("moe", "dense"));
        }
        if (f.chance(0.3)) {
            b.putObject("pinned").put(f.pick("gamma", "d", "a", "betaG"), f.pick(0.0, 0.0167, 1.23, -0.0761));
        }
        b.put("seed", 1).put("bootstrap", f.between(0, 1));       // few distinct fits: most answers are stored ones
        return b;
    }

    static JsonNode predictBody(JsonFuzzer f) {
        ObjectNode b = JsonFuzzer.MAPPER.createObjectNode();
        b.set("shape", shape(f));
        if (f.chance(0.5)) {
            b.put("tokens", f.decade(9, 13));
        } else {
            b.put("computeFlops", f.decade(18, 24));
        }
        if (f.chance(0.3)) {
            b.put("uniqueTokens", f.decade(9, 13));
        }
        return b;
    }

    // ---------------------------------------------------------------- cost guards

    /** At most 6 budgets in a sweep that may still be valid. */
    static JsonNode sweepGuard(JsonNode root) {
        if (!(root instanceof ObjectNode o)) {
            return root;
        }
        JsonNode budgets = o.get("budgets");
        if (budgets instanceof ArrayNode a && a.size() > 3 && a.size() <= 400) {
            while (a.size() > 3) {
                a.remove(a.size() - 1);
            }
        }
        if (budgets == null || budgets.isNull() || budgets.isEmpty()) {
            JsonNode n = o.get("computePoints");
            long points = n == null || n.isNull() ? 10 : n.isIntegralNumber() ? n.asLong() : -1;
            JsonNode u = o.get("uniqueTokens");
            if (u instanceof ArrayNode ua && ua.size() > 2 && ua.size() <= 400) {
                while (ua.size() > 2) {
                    ua.remove(ua.size() - 1);
                }
            }
            if (points > 3 && points <= 400) {
                o.put("computePoints", 3);
            }
        }
        return root;
    }

    /** A fit of the bundled runs that may still be valid is kept to ≤ 14 runs; any fit to ≤ 5 resamples. */
    static JsonNode fitGuard(JsonNode root) {
        if (!(root instanceof ObjectNode o) || root.equals(node(DEFAULT_FIT))) {
            return root;
        }
        if (o.path("dataset").isTextual() && o.get("dataset").asText().trim().equals(BUNDLED)) {
            JsonNode filter = o.get("filter");
            if (filter == null || filter.isNull()) {
                filter = o.putObject("filter");
            }
            if (filter instanceof ObjectNode fo) {
                JsonNode ids = fo.get("runIds");
                if (ids == null || ids.isNull() || (ids.isArray() && ids.isEmpty())) {
                    ArrayNode a = fo.putArray("runIds");
                    SMALL_RUN_IDS.forEach(a::add);
                }
            }
        }
        JsonNode b = o.get("bootstrap");
        if (b == null || b.isNull() || (b.isIntegralNumber() && b.asLong() > 5 && b.asLong() <= 2000)) {
            o.put("bootstrap", 1);
        }
        return root;
    }

    /** Valid uploads are stored: at most 20 runs (over 10,000 is refused whole and stays). */
    static JsonNode datasetGuard(JsonNode root) {
        if (root instanceof ObjectNode o && o.get("runs") instanceof ArrayNode a && a.size() > 20
                && a.size() <= 10_000) {
            while (a.size() > 20) {
                a.remove(a.size() - 1);
            }
        }
        return root;
    }

    // ---------------------------------------------------------------- requests and checks

    record Req(String method, String path, String contentType, String accept, byte[] body, Map<String, String> query) {
        Req withAccept(String a) {
            return new Req(method, path, contentType, a, body, query);
        }

        String describe() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            if (text.length() > 1500) {
                text = text.substring(0, 1500) + "… (" + body.length + " bytes)";
            }
            return method + " " + path + (query.isEmpty() ? "" : " " + query) + " [Content-Type: " + contentType
                    + ", Accept: " + accept + "] " + text;
        }
    }

    static Req json(JsonFuzzer f, String method, String path, JsonFuzzer.Mutant m) {
        String ct = f.chance(0.88) ? "application/json" : f.chance(0.9) ? f.pick(JsonFuzzer.CONTENT_TYPES) : null;
        String accept = f.chance(0.9) ? null : f.pick(JsonFuzzer.ACCEPTS);
        return new Req(method, path, ct, accept, m.body(), Map.of());
    }

    static Req get(JsonFuzzer f, String prefix, List<String> known) {
        String accept = f.chance(0.9) ? null : f.pick(JsonFuzzer.ACCEPTS);
        return new Req("GET", prefix + f.pathSegment(known), null, accept, null, Map.of());
    }

    void fuzz(String endpoint, Function<JsonFuzzer, Req> generator) throws Exception {
        if (!ONLY.isEmpty() && !endpoint.equals(ONLY)) {
            return;
        }
        setUp();
        Map<Integer, Integer> counts = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        long slowest = -1;
        String slowestReq = "";
        int clientRefused = 0;
        for (int i = FROM; i < FROM + N; i++) {
            SplittableRandom r = new SplittableRandom(SEED * 0x9E3779B97F4A7C15L + endpoint.hashCode() * 31L + i);
            Req q = generator.apply(new JsonFuzzer(r));
            long t0 = System.nanoTime();
            Response resp;
            try {
                resp = send(q);
            } catch (Exception e) {   // RestAssured rethrows checked exceptions undeclared
                if (e instanceof java.io.IOException) {
                    // The server closed the connection without an answer.
                    counts.merge(0, 1, Integer::sum);
                    failures.add("iteration " + i + ": no answer (" + e + ")\n    request: " + q.describe());
                } else {
                    // The client refused to send (e.g. a header it cannot encode): counted, not a server failure.
                    clientRefused++;
                    counts.merge(-1, 1, Integer::sum);
                }
                continue;
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (ms > slowest) {
                slowest = ms;
                slowestReq = ms + " ms, iteration " + i + ": " + abbreviate(q.describe(), 200);
            }
            counts.merge(resp.statusCode(), 1, Integer::sum);
            String problem = check(resp);
            if (problem != null) {
                failures.add("iteration " + i + ": " + problem + "\n    request: " + q.describe()
                        + "\n    response: " + abbreviate(resp.asString(), 600));
            }
            remember(q, resp);
        }
        synchronized (COUNTS) {
            COUNTS.put(endpoint, counts);
            MILLIS.put(endpoint, (System.nanoTime() - start) / 1_000_000);
            SLOWEST.put(endpoint, slowestReq);
        }
        System.out.printf("[fuzz] %-20s %s (-1: refused by the client, 0: no answer), %d failures%n", endpoint, counts,
                failures.size());
        FAILURES.addAll(failures);
        assertTrue(N < 20 || clientRefused <= N / 10, endpoint + ": the client refused " + clientRefused + " requests");
        assertTrue(failures.isEmpty(), endpoint + " (-Dfuzz.seed=" + SEED + " -Dfuzz.only='" + endpoint + "'): "
                + failures.size() + " bad answers; first ones:\n" + String.join("\n", failures.subList(0,
                Math.min(8, failures.size()))));
    }

    static Response send(Req q) {
        RequestSpecification s = given().config(CONFIG).urlEncodingEnabled(false).redirects().follow(false);
        if (q.contentType() != null) {
            s.contentType(q.contentType());
        }
        if (q.accept() != null) {
            s.header("Accept", q.accept());
        }
        q.query().forEach((k, v) -> s.queryParam(k, JsonFuzzer.encode(v)));
        if (q.body() != null) {
            s.body(q.body());
        }
        return s.request(q.method(), q.path());
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    static String check(Response resp) {
        int status = resp.statusCode();
        String ct = resp.contentType() == null ? "" : resp.contentType();
        String body = resp.asString();
        if (status >= 500) {
            return "status " + status;
        }
        if (status >= 400) {
            if (!ct.startsWith(PROBLEM)) {
                return status + " with Content-Type '" + ct + "', not " + PROBLEM;
            }
            JsonNode p;
            try {
                p = JsonFuzzer.MAPPER.readTree(resp.asByteArray());
            } catch (Exception e) {
                return status + " problem body is not JSON";
            }
            if (p == null || !p.path("status").isInt() || p.get("status").asInt() != status) {
                return "problem status " + (p == null ? null : p.get("status")) + " differs from HTTP " + status;
            }
            for (String leak : LEAKS) {
                if (body.contains(leak)) {
                    return status + " body leaks '" + leak + "'";
                }
            }
        } else if (status >= 200 && status < 300 && ct.startsWith("application/json")) {
            try {
                JsonFuzzer.MAPPER.readTree(resp.asByteArray());
            } catch (Exception e) {
                return status + " body is not strict JSON: " + e.getMessage().lines().findFirst().orElse("");
            }
        }
        return null;
    }

    /** Ids of what valid requests created, so the GETs also hit existing ones. */
    static void remember(Req q, Response resp) {
        if (resp.statusCode() != 201 && resp.statusCode() != 202) {
            return;
        }
        try {
            Object id = resp.jsonPath().get("id");
            if (id == null) {
                return;
            }
            if (q.path().equals("/api/v1/plan") && planIds.size() < 200) {
                planIds.add(id.toString());
            } else if (q.path().equals("/api/v1/datasets") && datasetIds.size() < 200) {
                datasetIds.add(id.toString());
            } else if (q.path().equals("/api/v1/fits") && fitIds.size() < 200 && !fitIds.contains(id.toString())) {
                fitIds.add(id.toString());
            }
        } catch (RuntimeException ignored) {
            // not JSON: the check above already judged the answer
        }
    }

    static String abbreviate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n) + "…";
    }

}
