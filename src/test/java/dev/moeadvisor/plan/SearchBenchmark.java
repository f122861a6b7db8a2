package dev.moeadvisor.plan;

import dev.moeadvisor.fit.Interval;
import dev.moeadvisor.law.MoeLossModel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Latency of the MoE grid search alone ({@link ShapeSearch#moe()}), single-threaded, on the requests of
 * {@link PlanBenchmark}, next to the brute force it replaced ({@link BruteForceSearch}): p50 and p99 of wall-clock and
 * thread CPU time, and the grid shapes counted. Not a test; run it on a quiet machine:
 *
 * <pre>
 *   ./mvnw -q -B -o test-compile
 *   java -cp target/classes:target/test-classes:$(ls ~/.m2/repository/org/hipparchus/hipparchus-*&#47;4.0.3/*.jar | tr '\n' ':') \
 *       dev.moeadvisor.plan.SearchBenchmark [iterations] [warm-up seconds, default 15]
 * </pre>
 */
public final class SearchBenchmark {

    private SearchBenchmark() {
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        MoeLossModel model = PlanBenchmark.MODEL;
        Map<String, PlanRequest> requests = new java.util.LinkedHashMap<>(PlanBenchmark.requests());
        // the default grids hold fewer than 200,000 shapes since depth follows a rule: one with wider bounds that does
        requests.put("C=1e22, k 1-16, 0-4 dense first layers",
                PlanRequest.builder(1e22, PlanRequest.AMPLE).topK(1, 16).denseLayers(0, 4).build());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // warm-up over every request in turn, long enough for the JIT compiler to finish the search's large methods
        // (C2 takes seconds on them, under load longer; a warm-up of a few hundred milliseconds measured whichever tier
        // happened to be running, and runs of the same code differed by 4x)
        double warmSeconds = args.length > 1 ? Double.parseDouble(args[1]) : 15;
        List<SearchSpace> spaces = requests.values().stream().map(SearchSpace::new).toList();
        long warmEnd = System.nanoTime() + (long) (warmSeconds * 1e9);
        while (System.nanoTime() < warmEnd) {
            spaces.forEach(space -> new ShapeSearch(space, model).moe());
        }
        System.out.printf(Locale.ROOT, "%-45s %-6s %8s %8s %8s %8s %8s %8s%n", "request", "search", "shapes", "p50 ms",
                "p99 ms", "cpu p50", "cpu p99", "ns/shape");
        for (Map.Entry<String, PlanRequest> e : requests.entrySet()) {
            SearchSpace space = new SearchSpace(e.getValue());
            run(threads, e.getKey(), "fast", iterations, () -> new ShapeSearch(space, model).moe());
            run(threads, e.getKey(), "brute", Math.max(5, iterations / 20), () -> new BruteForceSearch(space, model).moe());
        }
        System.out.printf(Locale.ROOT, "load average after the run: %.2f on %d processors%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    private static void run(ThreadMXBean threads, String name, String kind, int iterations,
                            Supplier<ShapeSearch.Outcome> search) {
        for (int i = 0; i < Math.max(10, iterations / 5); i++) {
            search.get();
        }
        double[] ms = new double[iterations];
        double[] cpu = new double[iterations];
        long shapes = 0;
        for (int i = 0; i < iterations; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            shapes = search.get().rejections().evaluated();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        double cpu50 = Interval.percentile(cpu, 50);
        System.out.printf(Locale.ROOT, "%-45s %-6s %8d %8.2f %8.2f %8.2f %8.2f %8.1f%n", name, kind, shapes,
                Interval.percentile(ms, 50), Interval.percentile(ms, 99), cpu50, Interval.percentile(cpu, 99),
                cpu50 * 1e6 / shapes);
    }
}
