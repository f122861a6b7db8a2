package dev.moeadvisor.plan;

import dev.moeadvisor.fit.FitResult;
import dev.moeadvisor.fit.Interval;
import dev.moeadvisor.law.MoeLossModel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time of the plans the load script asks for, in one thread: the default fit of the bundled runs with its bootstrap
 * models (as the app computes it at start-up), and the first {@code n} budgets of {@code src/test/scripts/
 * wrk-plan-budgets.lua}'s seeded list (the same generator and seed, the same rounding). Two warm-up passes, then one
 * timed plan per budget; prints p50, mean and max. Not a test:
 *
 * <pre>
 *   ./mvnw -q -B -o test-compile
 *   java -cp target/classes:target/test-classes:$(ls target/quarkus-app/lib/main/*.jar | tr '\n' ':') \
 *       dev.moeadvisor.plan.DefaultFitPlanBenchmark [n]
 * </pre>
 */
public final class DefaultFitPlanBenchmark {

    private DefaultFitPlanBenchmark() {
    }

    /** The first {@code n} budgets of the load script's list: Park–Miller from seed 11, printed with {@code %.4e}. */
    static List<Budget> loadScriptBudgets(int n) {
        List<Budget> out = new ArrayList<>();
        long state = 11;
        for (int i = 0; i < n; i++) {
            state = state * 48271 % 2147483647;
            double c = Math.pow(10, 20 + 3 * (state / 2147483647.0));
            state = state * 48271 % 2147483647;
            double u = Math.pow(10, 11 + 2 * (state / 2147483647.0));
            out.add(new Budget(Double.parseDouble(String.format(Locale.ROOT, "%.4e", c)),
                    Double.parseDouble(String.format(Locale.ROOT, "%.4e", u))));
        }
        return out;
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        FitResult fit = BundledFits.fit(Map.of(), 200);
        List<MoeLossModel> bootstrap = fit.bootstrapModels();
        Planner planner = new Planner(fit.model());
        List<PlanRequest> requests = loadScriptBudgets(n).stream()
                .map(b -> PlanRequest.builder(b.computeFlops(), b.uniqueTokens()).build()).toList();
        for (int pass = 0; pass < 2; pass++) {
            requests.forEach(r -> planner.plan(r, bootstrap));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] cpu = new double[n];
        for (int i = 0; i < n; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            planner.plan(requests.get(i), bootstrap);
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        double mean = Arrays.stream(cpu).average().orElse(Double.NaN);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%d plans, default fit with %d bootstrap models: CPU p50 %.1f ms, mean %.1f ms,"
                + " min %.1f ms, max %.1f ms%n", n, bootstrap.size(), Interval.percentile(cpu, 50), mean, cpu[0],
                cpu[n - 1]);
        System.out.printf(Locale.ROOT, "load average after the run: %.2f on %d processors%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }
}
