package dev.moeadvisor.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Runs the planner over a bounded list of budgets, one summary row per budget. An infeasible budget yields a row
 * carrying its reason instead of failing the sweep; every other setting comes from a template request. The budgets
 * are planned in parallel, one worker per core (the common fork-join pool and the calling thread), each taking the
 * next budget from one queue ordered by grid size, largest first ({@link GridEstimate}), so that no core is left
 * with the large budgets at the end; the rows are returned in budget order.
 */
public final class PlanSweep {

    /** Most budgets per sweep. */
    public static final int MAX_BUDGETS = 400;

    /** One budget's row within limits, without bootstrap models (a {@link Planner} or a {@link FamilyPlanner}). */
    @FunctionalInterface
    interface BudgetPlanner {
        /** @throws InfeasiblePlanException when no MoE shape satisfies the constraints */
        SweepRow row(Budget budget, PlanRequest request, SearchLimits limits);
    }

    private final BudgetPlanner planner;

    public PlanSweep(Planner planner) {
        Objects.requireNonNull(planner, "planner");
        // a row shows only the recommendation, the dense loss and the binding constraint and bounds
        this.planner = planner::sweepRow;
    }

    /** A sweep ranked by a published law family. */
    public PlanSweep(FamilyPlanner planner) {
        Objects.requireNonNull(planner, "planner");
        this.planner = (budget, request, limits) -> SweepRow.of(budget, planner.plan(request, limits));
    }

    /**
     * @param template the constraints shared by every budget (its own compute and unique tokens are replaced)
     * @param budgets  1 to {@link #MAX_BUDGETS} budgets
     * @throws PlanRequestException when the list is empty or too long, or a budget is invalid
     */
    public List<SweepRow> run(PlanRequest template, List<Budget> budgets) {
        return run(template, budgets, SearchLimits.NONE, Long.MAX_VALUE);
    }

    /**
     * Runs within limits: the total work (the sum of every budget's {@link GridEstimate}) is bounded by
     * {@code maxTotalShapes} and each budget's by {@code limits.maxShapes()}, both checked before any search; the
     * deadline and cancellation of {@code limits} hold for the whole sweep.
     *
     * @throws PlanTooLargeException when one budget or the sweep as a whole exceeds its work budget
     * @throws PlanAbortedException  past the deadline, or when cancelled
     */
    public List<SweepRow> run(PlanRequest template, List<Budget> budgets, SearchLimits limits, long maxTotalShapes) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(limits, "limits");
        if (budgets == null || budgets.isEmpty()) {
            throw new PlanRequestException("budgets", "give at least one budget");
        }
        if (budgets.size() > MAX_BUDGETS) {
            throw new PlanRequestException("budgets", "at most " + MAX_BUDGETS + " budgets, got " + budgets.size());
        }
        List<PlanRequest> requests = budgets.stream().map(b -> template.withBudget(b.computeFlops(), b.uniqueTokens()))
                .toList();
        long[] shapes = requests.stream().mapToLong(GridEstimate::shapes).toArray();
        admit(requests, shapes, limits, maxTotalShapes);
        SearchLimits admitted = limits.withMaxShapes(Long.MAX_VALUE);
        SweepRow[] rows = new SweepRow[budgets.size()];
        int[] order = IntStream.range(0, rows.length).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> shapes[i]).reversed()).mapToInt(i -> i).toArray();
        AtomicInteger next = new AtomicInteger();
        int workers = Math.min(rows.length, Runtime.getRuntime().availableProcessors());
        // budgets are independent and the planner is stateless: every worker takes the next budget until none is left
        IntStream.range(0, workers).parallel().forEach(w -> {
            try {
                for (int i = next.getAndIncrement(); i < order.length; i = next.getAndIncrement()) {
                    rows[order[i]] = row(budgets.get(order[i]), requests.get(order[i]), admitted);
                }
            } catch (RuntimeException e) {
                next.set(order.length);   // the sweep fails: the other workers stop after their budget
                throw e;
            }
        });
        return List.of(rows);
    }

    private SweepRow row(Budget b, PlanRequest request, SearchLimits limits) {
        try {
            return planner.row(b, request, limits);
        } catch (InfeasiblePlanException e) {
            return SweepRow.infeasible(b, e);
        }
    }

    private static void admit(List<PlanRequest> requests, long[] shapes, SearchLimits limits, long maxTotalShapes) {
        if (limits.maxShapes() == Long.MAX_VALUE && maxTotalShapes == Long.MAX_VALUE) {
            return;
        }
        long total = 0;
        PlanRequest largest = null;
        long largestShapes = -1;
        for (int i = 0; i < shapes.length; i++) {
            PlanRequest r = requests.get(i);
            long n = shapes[i];
            total += n;
            if (n > largestShapes) {
                largest = r;
                largestShapes = n;
            }
        }
        if (largestShapes > limits.maxShapes()) {
            throw new PlanTooLargeException("The sweep's largest budget (C = " + Fmt.sci(largest.computeFlops())
                    + " FLOPs)", largestShapes, limits.maxShapes(), GridEstimate.narrowings(largest));
        }
        if (total > maxTotalShapes) {
            List<GridEstimate.Narrowing> narrow = new ArrayList<>();
            long fit = maxTotalShapes / Math.max(1, largestShapes);
            narrow.add(new GridEstimate.Narrowing("budgets", fit * largestShapes, "give fewer budgets: about " + fit
                    + " of the largest fit in the limit (" + requests.size() + " given, " + total + " shapes)"));
            narrow.addAll(GridEstimate.narrowings(largest));
            throw new PlanTooLargeException("This sweep of " + requests.size() + " budgets", total, maxTotalShapes,
                    narrow);
        }
    }
}
