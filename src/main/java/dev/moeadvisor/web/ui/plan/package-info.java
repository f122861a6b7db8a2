/**
 * Planning: the plan form ({@code /plan}, {@link dev.moeadvisor.web.ui.plan.PlanPageResource}), saved plans
 * ({@code /plans}, {@code /plans/{id}}, {@code /plans/{id}.csv}, {@link dev.moeadvisor.web.ui.plan.PlansPageResource}).
 * Templates: {@code templates/PlanPageResource/}, {@code templates/PlansPageResource/}.
 * <ul>
 *   <li>The form ({@link dev.moeadvisor.web.ui.plan.PlanForm}) is read into the API's {@code PlanRequestDto}, whose
 *       {@code toRequest()} mapping (defaults included) is the only one; a good form is answered with 303 to the
 *       plan's permalink, an infeasible budget with 422 naming the binding constraint, a default fit still
 *       computing with 503.</li>
 *   <li>A plan page ({@link dev.moeadvisor.web.ui.plan.PlanView}) shows the recommendation, the alternatives
 *       ({@link dev.moeadvisor.web.ui.plan.CandidateView}) and the constraints that bound
 *       ({@link dev.moeadvisor.web.ui.plan.PlanConstraints}); its charts come from
 *       {@link dev.moeadvisor.web.ui.plan.PlanChartData}: the returned shapes' predicted losses and the EL curve
 *       over G of the plan's own EL law. The CSV is {@link dev.moeadvisor.web.ui.plan.PlanCsv}.</li>
 * </ul>
 */
package dev.moeadvisor.web.ui.plan;
