package dev.moeadvisor.plan;

import dev.moeadvisor.fit.Interval;
import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Latency of one plan, single-threaded: warms up, then times repeated plans of a few representative requests and
 * prints p50, p99 and max of the wall-clock time and p50, p99 of the thread's CPU time (which other processes on a
 * shared machine disturb much less). Not a test; run it on a quiet machine:
 *
 * <pre>
 *   ./mvnw -q -B test-compile
 *   java -cp target/classes:target/test-classes dev.moeadvisor.plan.PlanBenchmark [iterations]
 * </pre>
 */
public final class PlanBenchmark {

    static final MoeLossModel MODEL = new MoeLossModel(DenseLossLaw.CHINCHILLA, EfficiencyLeverageLaw.LING_2025);

    private PlanBenchmark() {
    }

    /** The benchmark's requests: 1e20, 1e22, 1e24 (capped, data-limited) and the equal-resources question. */
    static Map<String, PlanRequest> requests() {
        Map<String, PlanRequest> requests = new LinkedHashMap<>();
        requests.put("C=1e20, ample data", PlanRequest.builder(1e20, PlanRequest.AMPLE).build());
        requests.put("C=1e22, ample data", PlanRequest.builder(1e22, PlanRequest.AMPLE).build());
        requests.put("C=1e24, 1e12 unique, cap 1e12", PlanRequest.builder(1e24, 1e12).maxTotalParams(1e12).build());
        requests.put("equal resources 6.52B, C=2.86e21, U=316e9",
                PlanRequest.builder(2.86e21, 316e9).fixedTotalParams(6.52e9).seqLen(2048).build());
        return requests;
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Planner planner = new Planner(MODEL);
        Map<String, PlanRequest> requests = requests();
        for (int i = 0; i < 30; i++) {
            requests.values().forEach(planner::plan);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "%-45s %8s %8s %8s %8s %8s %8s%n", "request", "shapes", "p50 ms", "p99 ms",
                "max ms", "cpu p50", "cpu p99");
        for (Map.Entry<String, PlanRequest> e : requests.entrySet()) {
            double[] ms = new double[iterations];
            double[] cpu = new double[iterations];
            long shapes = 0;
            for (int i = 0; i < iterations; i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                PlanResult plan = planner.plan(e.getValue());
                ms[i] = (System.nanoTime() - t0) / 1e6;
                cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                shapes = plan.rejections().evaluated();
            }
            Arrays.sort(ms);
            Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "%-45s %8d %8.1f %8.1f %8.1f %8.1f %8.1f%n", e.getKey(), shapes,
                    Interval.percentile(ms, 50), Interval.percentile(ms, 99), ms[ms.length - 1],
                    Interval.percentile(cpu, 50), Interval.percentile(cpu, 99));
        }
        System.out.printf(Locale.ROOT, "load average after the run: %.2f on %d processors%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }
}
