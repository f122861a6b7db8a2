package dev.moeadvisor.web.ui.evaluate;

import dev.moeadvisor.web.ui.shared.ElChartData;
import dev.moeadvisor.web.ui.shared.FormErrors;
import dev.moeadvisor.web.ui.shared.FormQuery;

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
import dev.moeadvisor.web.api.EvaluateResponse;
import dev.moeadvisor.web.error.Problem;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;

/**
 * The evaluate page. {@code GET /evaluate[?model=id]} shows the form filled with a published shape;
 * {@code POST /evaluate} reads the form into the JSON API's request, validates it with the API's rules and
 * evaluates it with the same service. A refused form comes back with status 400, the user's text and a message
 * next to each offending field; a good one is answered with 303 to its permalink,
 * {@code /evaluate/result?<the form's fields>#result}, which shows the form and, scrolled to, the result
 * ({@code .json} and {@code .csv} beside it give the same evaluation as the JSON API and as CSV). An evaluation is
 * computed, not stored: the published laws it applies do not change, so its permalink reloads identically.
 */
@Path("/evaluate")
@Produces(MediaType.TEXT_HTML)
public class EvaluatePageResource {

    /** Where an evaluation lives: its form's fields are the query. */
    static final String RESULT = "/evaluate/result";

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
        Attempt attempt = attempt(form);
        if (attempt.evaluation() == null) {
            return RestResponse.status(RestResponse.Status.BAD_REQUEST, page(form, attempt.errors(), null));
        }
        return RestResponse.seeOther(URI.create(RESULT + "?" + FormQuery.of(form.forPermalink()) + "#result"));
    }

    /** The evaluation a form spells, at its permalink: the form filled as it was sent and the result below it. */
    @GET
    @Path("result")
    public RestResponse<TemplateInstance> result(@Context UriInfo uri) {
        EvaluateForm form = FormQuery.read(EvaluateForm.class, uri.getQueryParameters());
        Attempt attempt = attempt(form);
        if (attempt.evaluation() == null) {
            return RestResponse.status(RestResponse.Status.BAD_REQUEST, page(form, attempt.errors(), null));
        }
        return RestResponse.ok(page(form, attempt.errors(), view(attempt.evaluation(), form)));
    }

    /** The evaluation at a permalink's query, as the JSON API answers it. */
    @GET
    @Path("result.json")
    @Produces(MediaType.APPLICATION_JSON)
    public EvaluateResponse resultJson(@Context UriInfo uri) {
        return EvaluateResponse.of(evaluated(uri));
    }

    /** The evaluation at a permalink's query as one CSV row ({@link EvaluationCsv}). */
    @GET
    @Path("result.csv")
    @Produces("text/csv")
    public RestResponse<String> resultCsv(@Context UriInfo uri) {
        return RestResponse.ResponseBuilder.ok(EvaluationCsv.of(evaluated(uri)), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"evaluation.csv\"").build();
    }

    /** The evaluation of the query's form, or a 400 problem naming each refused field. */
    private Evaluation evaluated(UriInfo uri) {
        Attempt attempt = attempt(FormQuery.read(EvaluateForm.class, uri.getQueryParameters()));
        if (attempt.evaluation() == null) {
            List<Problem.FieldError> fields = attempt.errors().messages().entrySet().stream()
                    .map(e -> new Problem.FieldError(e.getKey(), e.getValue(), null, null)).toList();
            throw new ProblemException(400, "invalid-request", "Invalid request",
                    "the evaluation's query has " + fields.size() + " refused field(s)", fields);
        }
        return attempt.evaluation();
    }

    /** Reads, validates and evaluates a form: the evaluation, or the errors next to their fields. */
    private Attempt attempt(EvaluateForm form) {
        FormErrors errors = newErrors();
        EvaluateRequest request = form.toRequest(errors);
        errors.addAll(FieldErrors.of(validator.validate(request), v -> v.getPropertyPath().toString()));
        if (errors.isEmpty()) {
            try {
                return new Attempt(service.evaluate(request.shape().toShape(), request.budget()), errors);
            } catch (InvalidShapeException e) {
                errors.addAll(FieldErrors.of(e));
            } catch (BudgetException e) {
                errors.addAll(FieldErrors.of(e));
            }
        }
        return new Attempt(null, errors);
    }

    private record Attempt(Evaluation evaluation, FormErrors errors) {
    }

    private TemplateInstance page(EvaluateForm form, FormErrors errors, EvaluationView result) {
        return Templates.evaluate(EvaluatePage.of(form, errors, catalog.all(), result));
    }

    private EvaluationView view(Evaluation e, EvaluateForm form) {
        String modelId = form.model();
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
        String query = FormQuery.of(form.forPermalink());
        return new EvaluationView(e, shape.isMoe(), EvaluationView.budgetInWords(e.budget().givenAs()),
                e.budget().gpu() != null, published, charts, EvaluationView.memory(e), RESULT + "?" + query, RESULT + ".json?" + query,
                RESULT + ".csv?" + query);
    }

    private static FormErrors newErrors() {
        return new FormErrors(EvaluateForm::formFieldOf);
    }
}
