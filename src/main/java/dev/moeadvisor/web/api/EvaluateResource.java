package dev.moeadvisor.web.api;

import dev.moeadvisor.law.family.LawFamilies;
import dev.moeadvisor.law.family.MoeLawFamily;
import dev.moeadvisor.service.Evaluation;
import dev.moeadvisor.service.EvaluationService;
import dev.moeadvisor.service.LawFamilyPrediction;
import dev.moeadvisor.service.LossModelRegistry;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.web.error.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.smallrye.common.annotation.NonBlocking;

/**
 * Evaluates one shape under one budget. The answer is a few microseconds of arithmetic with no I/O, so it runs on the
 * HTTP event loop ({@link NonBlocking}) rather than being handed to a worker thread and back: the hand-over cost more
 * than the evaluation (README, Performance).
 */
@Path("/api/v1/evaluate")
@Tag(name = "evaluate")
public class EvaluateResource {

    @Inject
    EvaluationService service;
    @Inject
    RequestBodies bodies;

    @POST
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Counts, FLOPs, activation ratios, granularity and efficiency leverage of a shape under a budget")
    public EvaluateResponse evaluate(EvaluateRequest body) {
        EvaluateRequest request = bodies.valid(body);
        ModelShape shape = request.shape().toShape();
        Evaluation e = service.evaluate(shape, request.budget());
        String model = request.model() == null ? LossModelRegistry.PUBLISHED : request.model().trim();
        if (model.equals(LossModelRegistry.PUBLISHED)) {
            return EvaluateResponse.of(e);
        }
        MoeLawFamily law = LawFamilies.byId(model).orElseThrow(() -> ProblemException.badField("model",
                "evaluate answers under ling-2025 or a published MoE law family: one of "
                        + String.join(", ", LawFamilies.PUBLISHED.stream().map(MoeLawFamily::id).toList())));
        if (!shape.isMoe()) {
            throw ProblemException.badField("shape.experts", "the law families describe MoE shapes: give experts ≥ 1");
        }
        return EvaluateResponse.of(e, LawFamilyDto.of(LawFamilyPrediction.of(law, shape, request.budget())));
    }
}
