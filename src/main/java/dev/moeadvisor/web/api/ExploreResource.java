package dev.moeadvisor.web.api;

import dev.moeadvisor.service.ExploreService;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The explorer's endpoint: isoFLOP views of one budget, cheap enough to call on every change of a control. */
@Path("/api/v1")
@Tag(name = "plan")
public class ExploreResource {

    @Inject
    ExploreService service;

    @POST
    @Path("explore")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Explore a budget: predicted loss against A and G (best shape per (E, k) and per G band), the"
            + " best shape under optional E, k, G fixes with its dense baseline, and EL against compute for every"
            + " model; one search, no bootstrap, nothing saved")
    public ExploreResponse explore(@NotNull @Valid ExploreRequest request, @Context RoutingContext http) {
        long start = System.nanoTime();
        ExploreService.Exploration x = service.explore(request.toRequest(), request.fixes(), request.model(),
                ClientGone.watch(http));
        return ExploreResponse.of(x, (System.nanoTime() - start) / 1e6);
    }
}
