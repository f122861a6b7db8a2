package dev.moeadvisor.web.ui.plan;

import dev.moeadvisor.web.ui.shared.FormErrors;
import dev.moeadvisor.web.ui.shared.ModelOptions;

import dev.moeadvisor.budget.BudgetException;
import dev.moeadvisor.plan.InfeasiblePlanException;
import dev.moeadvisor.plan.PlanTooLargeException;
import dev.moeadvisor.web.api.ClientGone;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Context;
import dev.moeadvisor.plan.PlanRequestException;
import dev.moeadvisor.service.PlanService;
import dev.moeadvisor.service.SavedPlan;
import dev.moeadvisor.service.UnknownModelException;
import dev.moeadvisor.web.api.PlanRequestDto;
import dev.moeadvisor.web.error.FieldErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;

/**
 * The plan form. {@code GET /plan} shows it; {@code POST /plan} reads it into the JSON API's
 * {@link PlanRequestDto}, validates it with the API's rules, maps it with the API's mapping and plans it with the
 * same {@link PlanService}, then redirects (303) to the plan's permalink. A refused form comes back with the user's
 * text: 400 with a message next to each field; 422 naming the binding constraint when no shape fits the budget;
 * 503 when the default fit is still being computed.
 */
@Path("/plan")
@Produces(MediaType.TEXT_HTML)
public class PlanPageResource {

    /** An infeasible budget: the form was understood, but no shape satisfies it. */
    static final int UNPROCESSABLE = 422;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance plan(PlanFormPage page);
    }

    @Inject
    PlanService service;

    @Inject
    ModelOptions modelOptions;

    @Inject
    Validator validator;

    @GET
    public TemplateInstance form() {
        PlanForm form = PlanForm.initial();
        return page(form, newErrors(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public RestResponse<TemplateInstance> submit(@BeanParam PlanForm form, @Context RoutingContext http) {
        FormErrors errors = newErrors();
        PlanRequestDto dto = form.toDto(errors);
        errors.addAll(FieldErrors.of(validator.validate(dto), v -> v.getPropertyPath().toString()));
        if (errors.isEmpty()) {
            try {
                SavedPlan saved = service.plan(dto.toRequest(), dto.model(), ClientGone.watch(http));
                return RestResponse.seeOther(URI.create("/plans/" + saved.id()));
            } catch (PlanRequestException e) {
                errors.add(PlanForm.formFieldOf(e.field()), e.reason());
            } catch (BudgetException e) {
                errors.addAll(FieldErrors.of(e));
            } catch (InfeasiblePlanException e) {
                boolean byGpu = PlanForm.BUDGET_GPU.equals(form.budgetKind());
                errors.add(PlanConstraints.formField(e.constraint(), byGpu), "the binding constraint: relax it");
                PlanFormPage.Alert alert = new PlanFormPage.Alert("No shape fits this budget",
                        PlanConstraints.name(e.constraint()) + ": " + e.getMessage());
                return RestResponse.ResponseBuilder.<TemplateInstance>create(UNPROCESSABLE)
                        .entity(page(form, errors, alert)).build();
            } catch (PlanTooLargeException e) {
                e.narrowings().forEach(n -> errors.add(PlanForm.formFieldOf(n.field()), n.message()));
                PlanFormPage.Alert alert = new PlanFormPage.Alert("This search is too large", e.getMessage());
                return RestResponse.ResponseBuilder.<TemplateInstance>create(UNPROCESSABLE)
                        .entity(page(form, errors, alert)).build();
            } catch (UnknownModelException e) {
                if (e.notReadyYet()) {
                    PlanFormPage.Alert alert = new PlanFormPage.Alert("The default fit is not ready yet",
                            "The default fit of the bundled runs is still being computed (it takes a few seconds"
                                    + " after start-up). Submit again shortly, or choose a published model.");
                    return RestResponse.ResponseBuilder.create(RestResponse.Status.SERVICE_UNAVAILABLE,
                            page(form, errors, alert)).header("Retry-After", "5").build();
                }
                errors.add("model", e.getMessage());
            }
        }
        return RestResponse.status(RestResponse.Status.BAD_REQUEST, page(form, errors, null));
    }

    private TemplateInstance page(PlanForm form, FormErrors errors, PlanFormPage.Alert alert) {
        return Templates.plan(PlanFormPage.of(form, errors, modelOptions.forPlans(form.model()), alert));
    }

    private static FormErrors newErrors() {
        return new FormErrors(PlanForm::formFieldOf);
    }
}
