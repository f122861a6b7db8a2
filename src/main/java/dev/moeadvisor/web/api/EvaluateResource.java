package dev.moeadvisor.web.api;

import dev.moeadvisor.service.EvaluationService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Evaluates one shape under one budget. */
@Path("/api/v1/evaluate")
@Tag(name = "evaluate")
public class EvaluateResource {

    @Inject
    EvaluationService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Counts, FLOPs, activation ratios, granularity and efficiency leverage of a shape under a budget")
    public EvaluateResponse evaluate(@NotNull @Valid EvaluateRequest request) {
        return EvaluateResponse.of(service.evaluate(request.shape().toShape(), request.budget()));
    }
}
