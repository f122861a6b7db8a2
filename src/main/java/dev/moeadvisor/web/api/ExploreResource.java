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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @APIResponse(responseCode = "200", description = "the views, the best shape and the EL curves",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ExploreResponse.class)))
    @APIResponse(responseCode = "400", description = "bad input (problem+json naming the field: computeFlops, experts,"
            + " topK, granularity, model, ...)")
    @APIResponse(responseCode = "422", description = "grid above the plan's work budget (plan-too-large) or no MoE"
            + " shape satisfies the budget and the fixes (infeasible-budget)")
    @APIResponse(responseCode = "429", description = "too many plans and explores running")
    @APIResponse(responseCode = "503", description = "past the plan's deadline, or the default fit still computing")
    public ExploreResponse explore(@NotNull @Valid ExploreRequest request, @Context RoutingContext http) {
        long start = System.nanoTime();
        ExploreService.Exploration x = service.explore(request.toRequest(), request.fixes(), request.model(),
                ClientGone.watch(http));
        return ExploreResponse.of(x, (System.nanoTime() - start) / 1e6);
    }
}
