package dev.moeadvisor.plan;

import dev.moeadvisor.fit.Interval;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Wall-clock time of a sweep of 400 budgets with default bounds ({@link PlanSweep}, every core): 80 computes from 1e18
 * to 1e25 FLOPs (log-spaced), each with ample data and 1e12, 1e11, 1e10, 1e9 unique tokens. Prints p50 and max of
 * the repetitions and the load average. Not a test; run it on a quiet machine:
 *
 * <pre>
 *   ./mvnw -q -B -o test-compile
 *   java -cp target/classes:target/test-classes:$(ls ~/.m2/repository/org/hipparchus/hipparchus-*&#47;4.0.3/*.jar | tr '\n' ':') \
 *       dev.moeadvisor.plan.SweepBenchmark [repetitions]
 * </pre>
 */
public final class SweepBenchmark {

    private SweepBenchmark() {
    }

    static List<Budget> budgets() {
        List<Budget> budgets = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            double c = Math.pow(10, 18 + 7.0 * i / 79);
            for (double u : new double[] {PlanRequest.AMPLE, 1e12, 1e11, 1e10, 1e9}) {
                budgets.add(new Budget(c, u));
            }
        }
        return budgets;
    }

    public static void main(String[] args) {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        PlanSweep sweep = new PlanSweep(new Planner(PlanBenchmark.MODEL));
        List<Budget> budgets = budgets();
        PlanRequest template = PlanRequest.builder(1, 1).build();
        sweep.run(template, budgets);
        double[] seconds = new double[repetitions];
        double[] cpuSeconds = new double[repetitions];
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int infeasible = 0;
        for (int i = 0; i < repetitions; i++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            List<SweepRow> rows = sweep.run(template, budgets);
            seconds[i] = (System.nanoTime() - t0) / 1e9;
            cpuSeconds[i] = (os.getProcessCpuTime() - c0) / 1e9;
            infeasible = (int) rows.stream().filter(r -> !r.feasible()).count();
        }
        Arrays.sort(seconds);
        Arrays.sort(cpuSeconds);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "sweep of %d budgets (%d infeasible): p50 %.2f s, max %.2f s over %d runs%n",
                budgets.size(), infeasible, Interval.percentile(seconds, 50), seconds[seconds.length - 1], repetitions);
        // the process's CPU time (every thread) spread over the cores: the wall time an otherwise idle machine would
        // need, a figure other processes on a shared machine disturb much less than the wall time
        System.out.printf(Locale.ROOT, "process CPU p50 %.2f s, / %d cores = %.2f s%n",
                Interval.percentile(cpuSeconds, 50), cores, Interval.percentile(cpuSeconds, 50) / cores);
        System.out.printf(Locale.ROOT, "load average after the run: %.2f on %d processors%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }
}
