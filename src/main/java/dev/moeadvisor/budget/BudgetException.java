package dev.moeadvisor.budget;

/** A budget that cannot be used, naming the offending field. */
public class BudgetException extends IllegalArgumentException {
    private final String field;

    public BudgetException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage().substring(field.length() + 2);
    }

    static void requireFinitePositive(String field, double value, double max) {
        if (!Double.isFinite(value)) {
            throw new BudgetException(field, "must be a finite number");
        }
        if (value <= 0) {
            throw new BudgetException(field, "must be positive");
        }
        if (value > max) {
            throw new BudgetException(field, "must be at most " + max);
        }
    }
}
