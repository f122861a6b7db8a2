package dev.moeadvisor.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs the planner over a bounded list of budgets, one summary row per budget. An infeasible budget yields a row
 * carrying its reason instead of failing the sweep; every other setting comes from a template request.
 */
public final class PlanSweep {

    /** Most budgets per sweep. */
    public static final int MAX_BUDGETS = 400;

    private final Planner planner;

    public PlanSweep(Planner planner) {
        this.planner = Objects.requireNonNull(planner, "planner");
    }

    /**
     * @param template the constraints shared by every budget (its own compute and unique tokens are replaced)
     * @param budgets  1 to {@link #MAX_BUDGETS} budgets
     * @throws PlanRequestException when the list is empty or too long, or a budget is invalid
     */
    public List<SweepRow> run(PlanRequest template, List<Budget> budgets) {
        Objects.requireNonNull(template, "template");
        if (budgets == null || budgets.isEmpty()) {
            throw new PlanRequestException("budgets", "give at least one budget");
        }
        if (budgets.size() > MAX_BUDGETS) {
            throw new PlanRequestException("budgets", "at most " + MAX_BUDGETS + " budgets, got " + budgets.size());
        }
        List<PlanRequest> requests = budgets.stream().map(b -> template.withBudget(b.computeFlops(), b.uniqueTokens()))
                .toList();
        List<SweepRow> rows = new ArrayList<>(budgets.size());
        for (int i = 0; i < budgets.size(); i++) {
            Budget b = budgets.get(i);
            try {
                rows.add(SweepRow.of(b, planner.plan(requests.get(i))));
            } catch (InfeasiblePlanException e) {
                rows.add(SweepRow.infeasible(b, e));
            }
        }
        return List.copyOf(rows);
    }
}
