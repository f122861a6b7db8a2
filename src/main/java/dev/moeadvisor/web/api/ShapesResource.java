package dev.moeadvisor.web.api;

import dev.moeadvisor.service.KnownShapeCatalog;
import dev.moeadvisor.web.error.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The bundled known shapes. */
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
}
