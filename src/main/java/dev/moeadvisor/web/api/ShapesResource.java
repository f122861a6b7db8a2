package dev.moeadvisor.web.api;

import dev.moeadvisor.service.KnownShapeCatalog;
import dev.moeadvisor.shape.config.TrainingSettings;
import dev.moeadvisor.web.error.ProblemException;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The bundled known shapes; import of a Hugging Face {@code config.json} ({@code POST /import}, the file as the
 * body, {@code ?seqLen=} optional) and export of a shape ({@code POST /export?format=hf|megatron|torchtitan}).
 */
@Path("/api/v1/shapes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "shapes")
public class ShapesResource {

    @Inject
    KnownShapeCatalog catalog;

    @GET
    public List<KnownShapeDto> list() {
        return catalog.all().stream().map(KnownShapeDto::of).toList();
    }

    @GET
    @Path("{id}")
    public KnownShapeDto get(@PathParam("id") String id) {
        return catalog.byId(id).map(KnownShapeDto::of).orElseThrow(() -> ProblemException.notFound("shape", id));
    }

    @POST
    @Path("import")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public ImportResponse importConfig(String body, @QueryParam("seqLen") Integer seqLen) {
        return ImportResponse.of(ConfigImports.read(body, seqLen));
    }

    @POST
    @Path("export")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, "application/toml"})
    public Response export(@NotNull @Valid ShapeRequest shape, @QueryParam("format") String format) {
        return ShapeExports.export(shape.toShape(), format, TrainingSettings.NONE, "shape");
    }
}
