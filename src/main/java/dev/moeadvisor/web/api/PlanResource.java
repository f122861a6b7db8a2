package dev.moeadvisor.web.api;

import dev.moeadvisor.plan.Budget;
import dev.moeadvisor.plan.PlanRequest;
import dev.moeadvisor.service.PlanService;
import dev.moeadvisor.service.PlanSummary;
import dev.moeadvisor.web.error.ProblemException;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Plans: from a compute and data budget to a recommended MoE design; sweeps; saved plans. */
@Path("/api/v1")
@Tag(name = "plan")
public class PlanResource {

    @Inject
    PlanService service;
    @Inject
    dev.moeadvisor.service.LawRecommendationService laws;

    @POST
    @Path("plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recommend an MoE design for a compute and data budget; the plan is saved with a permalink")
    @APIResponse(responseCode = "201", description = "the plan, saved; Location is its permalink", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PlanResponse.class)))
    public Response plan(@NotNull @Valid PlanRequestDto request, @Context RoutingContext http) {
        PlanResponse r = PlanResponse.of(service.plan(request.toRequest(), request.model(), ClientGone.watch(http)));
        return Response.created(URI.create(r.url())).entity(r).build();
    }

    @GET
    @Path("plans/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public PlanResponse get(@PathParam("id") long id) {
        return service.get(id).map(PlanResponse::of)
                .orElseThrow(() -> ProblemException.notFound("plan", Long.toString(id)));
    }

    @GET
    @Path("plans/{id}/laws")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What each law recommends for a saved plan's budget: the plan's model, ling-2025 and every "
            + "published MoE law family, each planning the same request by its own loss (computed on read)")
    public LawRecommendationsDto laws(@PathParam("id") long id) {
        return laws.of(id).map(LawRecommendationsDto::of)
                .orElseThrow(() -> ProblemException.notFound("plan", Long.toString(id)));
    }

    @DELETE
    @Path("plans/{id}")
    @Operation(summary = "Delete a saved plan (204; 404 when unknown)")
    @APIResponse(responseCode = "204", description = "deleted")
    public Response delete(@PathParam("id") long id) {
        if (!service.delete(id)) {
            throw ProblemException.notFound("plan", Long.toString(id));
        }
        return Response.noContent().build();
    }

    @GET
    @Path("plans")
    @Produces(MediaType.APPLICATION_JSON)
    public List<PlanSummary> recent(@QueryParam("limit") @DefaultValue("50") String limit) {
        if (!limit.matches("\\d{1,9}")) {
            throw ProblemException.badField("limit", "must be a whole number from 1 to 500");
        }
        return service.recent(Math.max(1, Math.min(Integer.parseInt(limit), 500)));
    }

    @POST
    @Path("plan/sweep")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Plan a bounded grid of budgets: one row per budget (JSON, or CSV with Accept: text/csv)")
    @APIResponse(responseCode = "200", description = "one row per budget", content = {
            @Content(mediaType = "application/json",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = SweepRowDto.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public Response sweep(@NotNull @Valid SweepRequestDto request, @HeaderParam("Accept") String accept,
                          @Context RoutingContext http) {
        PlanRequestDto template = request.template() != null ? request.template() : emptyTemplate();
        List<Budget> budgets = budgets(request);
        PlanRequest first = template.toRequest(budgets.get(0).computeFlops(), budgets.get(0).uniqueTokens());
        List<SweepRowDto> rows = service.sweep(first, budgets, template.model(), ClientGone.watch(http)).rows().stream()
                .map(SweepRowDto::of).toList();
        if (accept != null && accept.contains("text/csv")) {
            String csv = SweepRowDto.csv(rows);
            return Response.ok(csv, "text/csv").header("Content-Disposition", "attachment; filename=\"sweep.csv\"")
                    .build();
        }
        return Response.ok(rows, MediaType.APPLICATION_JSON).build();
    }

    static List<Budget> budgets(SweepRequestDto r) {
        List<Budget> out = new ArrayList<>();
        if (r.budgets() != null && !r.budgets().isEmpty()) {
            r.budgets().forEach(b -> out.add(new Budget(b.computeFlops(),
                    b.uniqueTokens() == null ? PlanRequest.AMPLE : b.uniqueTokens())));
        } else {
            if (r.minComputeFlops() == null || r.maxComputeFlops() == null) {
                throw ProblemException.badField("budgets", "give budgets, or minComputeFlops and maxComputeFlops");
            }
            if (r.maxComputeFlops() < r.minComputeFlops()) {
                throw ProblemException.badField("maxComputeFlops", "must be at least minComputeFlops");
            }
            int n = r.computePoints() == null ? 10 : r.computePoints();
            List<Double> uniques = r.uniqueTokens() == null || r.uniqueTokens().isEmpty()
                    ? java.util.Collections.singletonList(null) : r.uniqueTokens();
            if ((long) n * uniques.size() > 400) {
                throw ProblemException.badField("computePoints", "the grid has " + (n * uniques.size())
                        + " budgets; at most 400");
            }
            double lo = Math.log(r.minComputeFlops());
            double step = n == 1 ? 0 : (Math.log(r.maxComputeFlops()) - lo) / (n - 1);
            for (int i = 0; i < n; i++) {
                for (Double u : uniques) {
                    out.add(new Budget(Math.exp(lo + step * i), u == null ? PlanRequest.AMPLE : u));
                }
            }
        }
        return out;
    }

    private static PlanRequestDto emptyTemplate() {
        return new PlanRequestDto(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);
    }
}
