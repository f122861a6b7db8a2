package dev.moeadvisor.plan;

/**
 * Something the user should know before trusting a plan.
 *
 * @param code    stable code: {@code el-extrapolated}, {@code data-reuse}, {@code allocation-far},
 *                {@code allocation-extrapolated}, {@code hyperparameters-extrapolated}, {@code evidence-widened},
 *                {@code no-dense-baseline}
 * @param message plain-language explanation with the numbers
 */
public record PlanWarning(String code, String message) {
}
