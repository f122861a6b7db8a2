package dev.moeadvisor.plan;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * CPU time of refusing the too-large requests (a plain main, like {@link PlanBenchmark}): the plan that
 * exhausted the heap (grid estimate and the narrowings named in the 422) and the admission of a 400-budget sweep.
 * Run: {@code ./mvnw -q -B test-compile && java -cp target/classes:target/test-classes
 * dev.moeadvisor.plan.AdmissionBenchmark 20}.
 */
public final class AdmissionBenchmark {

    private AdmissionBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        PlanRequest heap = GridEstimateTest.heapExhausting();
        PlanRequest template = PlanRequest.builder(1e22, PlanRequest.AMPLE).build();
        List<Budget> budgets = java.util.Collections.nCopies(400, new Budget(1e22, PlanRequest.AMPLE));
        PlanSweep sweep = new PlanSweep(new Planner(GridEstimateTest.MODEL));
        SearchLimits limits = SearchLimits.NONE.withMaxShapes(2_000_000);
        for (int i = 0; i < rounds; i++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            try {
                new Planner(GridEstimateTest.MODEL).plan(heap, List.of(), limits);
            } catch (PlanTooLargeException e) {
                // expected
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            try {
                sweep.run(template, budgets, limits, 50_000_000);
            } catch (PlanTooLargeException e) {
                // expected
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            System.out.printf("round %d: heap-exhausting plan refused in %.1f ms CPU; 400-budget sweep in %.1f ms CPU%n",
                    i, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        }
    }
}
