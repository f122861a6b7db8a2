package dev.moeadvisor.web.api;

import dev.moeadvisor.runs.RunInput;
import dev.moeadvisor.service.AdvisorConfig;
import dev.moeadvisor.service.DatasetService;
import dev.moeadvisor.service.DatasetSummary;
import dev.moeadvisor.web.error.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.StringReader;
import java.net.URI;
import java.util.List;

/** Data sets of training runs: list, upload (CSV or JSON), view, download as CSV, delete. */
@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "datasets")
public class DatasetsResource {

    @Inject
    DatasetService service;

    @Inject
    AdvisorConfig config;

    @GET
    public List<DatasetDto> list() {
        return service.list().stream().map(s -> DatasetDto.of(s, null)).toList();
    }

    @GET
    @Path("{id}")
    public DatasetDto get(@PathParam("id") String id) {
        DatasetSummary s = service.get(id);
        return DatasetDto.of(s, service.runs(id).stream().map(RunInput::of).toList());
    }

    @GET
    @Path("{id}/runs.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("id") String id) {
        return Response.ok(service.csv(id)).header("Content-Disposition", "attachment; filename=\"" + id + ".csv\"")
                .build();
    }

    @POST
    @Consumes("text/csv")
    @Operation(summary = "Upload runs as CSV (name and description as query parameters)")
    @APIResponse(responseCode = "201", description = "the data set, stored", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DatasetDto.class)))
    public Response uploadCsv(@QueryParam("name") String name, @QueryParam("description") String description,
                              String body) {
        checkSize(body == null ? 0 : body.length());
        return created(service.importCsv(name, description, new StringReader(body == null ? "" : body)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload runs as JSON: {name, description, runs: [...]}")
    @APIResponse(responseCode = "201", description = "the data set, stored", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DatasetDto.class)))
    public Response uploadJson(DatasetUpload upload) {
        if (upload == null) {
            throw ProblemException.badField("body", "give {name, description, runs}");
        }
        return created(service.importJson(upload.name(), upload.description(), upload.runs()));
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "deleted")
    public Response delete(@PathParam("id") String id) {
        service.delete(id);
        return Response.noContent().build();
    }

    private Response created(DatasetSummary s) {
        return Response.created(URI.create("/api/v1/datasets/" + s.id())).entity(DatasetDto.of(s, null)).build();
    }

    private void checkSize(long length) {
        long maxBytes = config.upload().maxBytes();
        if (length > maxBytes) {
            throw new ProblemException(413, "too-large", "Upload too large",
                    "the upload has " + length + " characters; the limit is " + maxBytes, null);
        }
    }
}
