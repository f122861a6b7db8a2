package dev.moeadvisor.web.ui.fits;

import dev.moeadvisor.web.ui.shared.Confirmation;
import dev.moeadvisor.web.ui.shared.FormErrors;
import dev.moeadvisor.web.ui.shared.ScriptJson;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moeadvisor.law.MoeLossModel;
import dev.moeadvisor.service.DatasetService;
import dev.moeadvisor.service.EvaluationService;
import dev.moeadvisor.service.FitCapacityException;
import dev.moeadvisor.service.FitRequest;
import dev.moeadvisor.service.FitService;
import dev.moeadvisor.service.FitView;
import dev.moeadvisor.service.InvalidFitRequestException;
import dev.moeadvisor.service.LossModelRegistry;
import dev.moeadvisor.service.UnknownDatasetException;
import dev.moeadvisor.web.error.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fit pages. {@code GET /fits} lists the published model and the stored fits with a form to start one;
 * {@code POST /fits} reads the form into the service's {@link FitRequest} and submits it like the API does,
 * answering 303 to the fit's page, or the form again with messages by field (400; 429 when too many fits run).
 * {@code GET /fits/{id}} shows a fit (or {@code ling-2025}): coefficients next to the published values,
 * diagnostics and charts; a running fit's page refreshes itself until it is done and links to
 * {@code GET /fits/{id}/cancel}, which asks to confirm and posts {@code POST /fits/{id}/cancel}.
 */
@Path("/fits")
@Produces(MediaType.TEXT_HTML)
public class FitsPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance fits(FitsPage page);

        static native TemplateInstance fit(FitPage page);

        static native TemplateInstance confirmCancel(Confirmation confirmation);
    }

    @Inject
    FitService fits;
    @Inject
    DatasetService datasets;
    @Inject
    LossModelRegistry models;
    @Inject
    EvaluationService curves;
    @Inject
    ObjectMapper mapper;

    @GET
    public TemplateInstance list() {
        FitRequest defaults = fits.defaultRequest();
        return listPage(FitForm.prefilled(datasets.get(defaults.dataset()), defaults), FitFormView.newErrors(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public RestResponse<TemplateInstance> submit(MultivaluedMap<String, String> body) {
        FitForm form = FitForm.from(body);
        FormErrors errors = FitFormView.newErrors();
        FitRequest request = form.toRequest(errors);
        if (errors.isEmpty()) {
            try {
                FitView fit = fits.submit(request, true); // answered at once with the fit's progress page
                return RestResponse.seeOther(URI.create("/fits/" + fit.id()));
            } catch (InvalidFitRequestException e) {
                errors.add(e.field(), e.getMessage());
            } catch (UnknownDatasetException e) {
                errors.add("dataset", "choose one of the data sets");
            } catch (FitCapacityException e) {
                return RestResponse.ResponseBuilder.create(RestResponse.Status.TOO_MANY_REQUESTS,
                        listPage(form, errors, e.getMessage())).header("Retry-After", "10").build();
            }
        }
        return RestResponse.status(RestResponse.Status.BAD_REQUEST, listPage(form, errors, null));
    }

    @GET
    @Path("{id}")
    public TemplateInstance fit(@RestPath String id) {
        MoeLossModel published = publishedModel();
        if (LossModelRegistry.PUBLISHED.equals(id)) {
            return Templates.fit(FitPage.published(published));
        }
        FitView v = (id.matches("\\d{1,18}") ? fits.get(Long.parseLong(id)) : Optional.<FitView>empty())
                .orElseThrow(() -> ProblemException.notFound("fit", id));
        RawString charts = v.done()
                ? ScriptJson.of(mapper, FitChartData.of(v.result(), v.points(), curves::elOverActivation)) : null;
        return Templates.fit(FitPage.of(v, published, charts));
    }

    @GET
    @Path("{id}/cancel")
    public TemplateInstance confirmCancel(@RestPath String id) {
        FitView v = running(id);
        return Templates.confirmCancel(new Confirmation("Cancel fit #" + v.id() + "?", "Fit #" + v.id() + " of "
                + v.request().dataset() + " (" + v.request().metric() + ") stops within a second or two and keeps no "
                + "result; it can be started again from the fit form.", List.of(), "/fits/" + v.id() + "/cancel",
                "Cancel the fit", "/fits/" + v.id()));
    }

    @POST
    @Path("{id}/cancel")
    public RestResponse<Void> cancel(@RestPath String id) {
        FitView v = running(id);
        fits.cancelOrDelete(v.id());
        return RestResponse.seeOther(URI.create("/fits/" + v.id()));
    }

    /** The running fit {@code id}; 404 when there is none, 409 when it has already ended. */
    private FitView running(String id) {
        FitView v = (id.matches("\\d{1,18}") ? fits.get(Long.parseLong(id)) : Optional.<FitView>empty())
                .orElseThrow(() -> ProblemException.notFound("fit", id));
        if (!FitPage.RUNNING.equals(v.status())) {
            throw new ProblemException(409, "fit-not-running", "Fit not running", "fit " + v.id() + " has already "
                    + "ended (" + v.status().toLowerCase() + "); there is nothing to cancel", null);
        }
        return v;
    }

    private TemplateInstance listPage(FitForm form, FormErrors errors, String generalError) {
        MoeLossModel published = publishedModel();
        List<FitRow> rows = new ArrayList<>();
        rows.add(FitRow.published(published.dense().unit()));
        fits.list().stream().map(FitRow::of).forEach(rows::add);
        return Templates.fits(new FitsPage(rows,
                FitFormView.of(form, errors, generalError, datasets.list(), published, false)));
    }

    private MoeLossModel publishedModel() {
        return models.resolve(LossModelRegistry.PUBLISHED).model();
    }
}
