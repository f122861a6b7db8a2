package dev.moeadvisor.web.ui.evaluate;

import dev.moeadvisor.web.ui.shared.ElChartData;
import dev.moeadvisor.web.ui.shared.FormErrors;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moeadvisor.budget.BudgetException;
import dev.moeadvisor.service.Evaluation;
import dev.moeadvisor.service.EvaluationService;
import dev.moeadvisor.service.KnownShapeCatalog;
import dev.moeadvisor.shape.InvalidShapeException;
import dev.moeadvisor.shape.KnownShape;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;
import dev.moeadvisor.web.api.EvaluateRequest;
import dev.moeadvisor.web.error.FieldErrors;
import dev.moeadvisor.web.error.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
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
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The evaluate page. {@code GET /evaluate[?model=id]} shows the form filled with a published shape;
 * {@code POST /evaluate} reads the form into the JSON API's request, validates it with the API's rules and
 * evaluates it with the same service. A refused form comes back with status 400, the user's text and a message
 * next to each offending field.
 */
@Path("/evaluate")
@Produces(MediaType.TEXT_HTML)
public class EvaluatePageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance evaluate(EvaluatePage page);
    }

    @Inject
    EvaluationService service;

    @Inject
    KnownShapeCatalog catalog;

    @Inject
    Validator validator;

    @Inject
    ObjectMapper mapper;

    @GET
    public TemplateInstance form(@RestQuery String model) {
        KnownShape known = model == null || model.isBlank()
                ? catalog.all().get(0)
                : catalog.byId(model).orElseThrow(() -> ProblemException.notFound("model", model));
        return page(EvaluateForm.prefilled(known), newErrors(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public RestResponse<TemplateInstance> submit(@BeanParam EvaluateForm form) {
        FormErrors errors = newErrors();
        EvaluateRequest request = form.toRequest(errors);
        errors.addAll(FieldErrors.of(validator.validate(request), v -> v.getPropertyPath().toString()));
        if (errors.isEmpty()) {
            try {
                ModelShape shape = request.shape().toShape();
                Evaluation evaluation = service.evaluate(shape, request.budget());
                return RestResponse.ok(page(form, errors, view(evaluation, form.model())));
            } catch (InvalidShapeException e) {
                errors.addAll(FieldErrors.of(e));
            } catch (BudgetException e) {
                errors.addAll(FieldErrors.of(e));
            }
        }
        return RestResponse.status(RestResponse.Status.BAD_REQUEST, page(form, errors, null));
    }

    private TemplateInstance page(EvaluateForm form, FormErrors errors, EvaluationView result) {
        return Templates.evaluate(EvaluatePage.of(form, errors, catalog.all(), result));
    }

    private EvaluationView view(Evaluation e, String modelId) {
        ModelShape shape = e.shape();
        KnownShape published = modelId == null ? null
                : catalog.byId(modelId).filter(k -> k.shape().equals(shape)).orElse(null);
        RawString charts = null;
        if (shape.isMoe()) {
            ShapeMetrics m = e.metrics();
            double c = e.budget().computeFlops();
            charts = ElChartData.of(e, service.elOverActivation(m.granularity(), c, m.activationRatioLing()),
                    service.elOverGranularity(m.activationRatioLing(), c, m.granularity())).toScriptContent(mapper);
        }
        return new EvaluationView(e, shape.isMoe(), EvaluationView.budgetInWords(e.budget().givenAs()),
                e.budget().gpu() != null, published, charts);
    }

    private static FormErrors newErrors() {
        return new FormErrors(EvaluateForm::formFieldOf);
    }
}
