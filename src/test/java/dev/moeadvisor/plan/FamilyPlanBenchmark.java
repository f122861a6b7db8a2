package dev.moeadvisor.plan;

import dev.moeadvisor.law.family.LawFamilies;
import dev.moeadvisor.law.family.MoeLawFamily;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * CPU time of one plan ranked by each law family ({@link FamilyPlanner}) on the default grid, single-threaded, and the
 * share of it the law's own allocation check takes ({@link LawAllocation}: the dense counterpart's closed-form optimum
 * and, when far from it, the same configuration scored at every width). Warms up, then prints the p50 and max of the
 * thread's CPU time per law and compute. Not a test:
 *
 * <pre>
 *   ./mvnw -q -B -o test-compile
 *   java -cp target/classes:target/test-classes dev.moeadvisor.plan.FamilyPlanBenchmark [iterations]
 * </pre>
 */
public final class FamilyPlanBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private FamilyPlanBenchmark() {
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        for (double c : new double[] {1e20, 1e22}) {
            PlanRequest request = PlanRequest.builder(c, PlanRequest.AMPLE).build();
            for (MoeLawFamily law : LawFamilies.PUBLISHED) {
                FamilyPlanner planner = new FamilyPlanner(law);
                Candidate rec = planner.plan(request, SearchLimits.NONE).recommended();   // warm-up
                FamilySearch search = new FamilySearch(new SearchSpace(request), law, SearchLimits.NONE);
                double[] plan = new double[iterations];
                double[] own = new double[iterations];
                boolean far = false;
                for (int i = 0; i < iterations; i++) {
                    long t0 = THREADS.getCurrentThreadCpuTime();
                    planner.plan(request, SearchLimits.NONE);
                    long t1 = THREADS.getCurrentThreadCpuTime();
                    far = LawAllocation.of(search, rec).far();
                    long t2 = THREADS.getCurrentThreadCpuTime();
                    plan[i] = (t1 - t0) / 1e6;
                    own[i] = (t2 - t1) / 1e6;
                }
                Arrays.sort(plan);
                Arrays.sort(own);
                System.out.printf(Locale.ROOT, "%-28s C=%.0e  plan CPU p50 %7.1f ms max %7.1f ms;"
                                + "  its allocation check p50 %6.2f ms max %6.2f ms (%s)%n", law.id(), c,
                        plan[iterations / 2], plan[iterations - 1], own[iterations / 2], own[iterations - 1],
                        far ? "far: counterpart scored" : "within 2×");
            }
        }
    }
}
