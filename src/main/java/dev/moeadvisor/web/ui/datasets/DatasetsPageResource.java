package dev.moeadvisor.web.ui.datasets;

import dev.moeadvisor.web.ui.fits.FitForm;
import dev.moeadvisor.web.ui.fits.FitFormView;
import dev.moeadvisor.web.ui.fits.FitRow;
import dev.moeadvisor.web.ui.shared.Confirmation;
import dev.moeadvisor.web.ui.shared.NumberFormats;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moeadvisor.runs.RunDataError;
import dev.moeadvisor.runs.RunDataException;
import dev.moeadvisor.service.AdvisorConfig;
import dev.moeadvisor.service.DatasetService;
import dev.moeadvisor.service.DatasetSummary;
import dev.moeadvisor.service.FitService;
import dev.moeadvisor.service.LossModelRegistry;
import dev.moeadvisor.service.ReadOnlyDatasetException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URI;
import java.util.List;

/**
 * The data set pages. {@code GET /datasets} lists the data sets with an upload form; {@code POST /datasets}
 * (multipart) stores an uploaded CSV or JSON file through the same service as the API, answering 303 to the new
 * data set, or the page again with status 400 (413 for a file over {@code advisor.upload.max-bytes}), the user's
 * name and description, and every problem with its line and column. {@code GET /datasets/{id}} shows one data set's
 * runs and a form to fit it; {@code GET /datasets/{id}/delete} asks to confirm deleting a user's data set, naming the fits that go with it, and its
 * form's {@code POST /datasets/{id}/delete} deletes it (409 while a fit of it runs).
 */
@Path("/datasets")
@Produces(MediaType.TEXT_HTML)
public class DatasetsPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance datasets(DatasetsPage page);

        static native TemplateInstance dataset(DatasetPage page);

        static native TemplateInstance confirmDelete(Confirmation confirmation);
    }

    @Inject
    DatasetService datasets;
    @Inject
    FitService fits;
    @Inject
    AdvisorConfig config;
    @Inject
    LossModelRegistry models;
    @Inject
    ObjectMapper mapper;

    @GET
    public TemplateInstance list() {
        return listPage(null, null, null, List.of());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public RestResponse<TemplateInstance> upload(@RestForm String name, @RestForm String description,
                                                 @RestForm FileUpload file) {
        if (file == null || file.fileName() == null || file.fileName().isBlank()) {
            return RestResponse.status(RestResponse.Status.BAD_REQUEST,
                    listPage(name, description, "choose a CSV or JSON file of runs", List.of()));
        }
        long limit = config.upload().maxBytes();
        if (file.size() > limit) {
            return RestResponse.status(RestResponse.Status.PAYLOAD_TOO_LARGE, listPage(name, description,
                    "the file has " + file.size() + " bytes; the limit is " + limit + " bytes (" + NumberFormats.tokens(limit)
                            + "): split it into smaller data sets", List.of()));
        }
        try {
            DatasetSummary stored = new RunUpload(file.fileName(), file.uploadedFile())
                    .storeWith(datasets, mapper, name, description);
            return RestResponse.seeOther(URI.create("/datasets/" + stored.id()));
        } catch (RunDataException e) {
            return RestResponse.status(RestResponse.Status.BAD_REQUEST, listPage(name, description,
                    null, e.errors()));
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance dataset(@RestPath String id) {
        DatasetSummary summary = datasets.get(id);
        return Templates.dataset(DatasetPage.of(summary, datasets.runs(id), fitsOf(id),
                FitFormView.of(FitForm.prefilled(summary, fits.defaultRequest()), FitFormView.newErrors(), null,
                        List.of(summary), models.resolve(LossModelRegistry.PUBLISHED).model(), true)));
    }

    @GET
    @Path("{id}/delete")
    public TemplateInstance confirmDelete(@RestPath String id) {
        DatasetSummary summary = datasets.get(id);
        if (summary.readOnly()) {
            throw new ReadOnlyDatasetException(id);
        }
        List<Confirmation.Link> fitsToo = fitsOf(id).stream()
                .map(f -> new Confirmation.Link("Fit #" + f.id() + " (" + f.metric() + ", " + f.status().toLowerCase()
                        + ")", f.href())).toList();
        return Templates.confirmDelete(new Confirmation("Delete data set " + summary.name() + "?",
                "Deleting removes its " + summary.runCount() + " runs" + (fitsToo.isEmpty() ? " (no fit was computed on it)."
                        : " and the " + fitsToo.size() + " fit(s) computed on them.") + " This cannot be undone.",
                fitsToo, "/datasets/" + id + "/delete", "Delete " + summary.name(), "/datasets/" + id));
    }

    @POST
    @Path("{id}/delete")
    public RestResponse<Void> delete(@RestPath String id) {
        datasets.delete(id);
        return RestResponse.seeOther(URI.create("/datasets"));
    }

    private List<FitRow> fitsOf(String id) {
        return fits.list().stream().filter(f -> f.request().dataset().equals(id)).map(FitRow::of).toList();
    }

    private TemplateInstance listPage(String name, String description, String fileError, List<RunDataError> errors) {
        return Templates.datasets(DatasetsPage.of(datasets.list(), name, description, fileError, errors,
                config.upload().maxBytes()));
    }
}
