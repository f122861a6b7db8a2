package dev.moeadvisor.web.api;

import dev.moeadvisor.plan.Candidate;
import dev.moeadvisor.plan.PlanResult;
import dev.moeadvisor.service.PlanService;
import dev.moeadvisor.shape.config.TrainingSettings;
import dev.moeadvisor.web.error.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/plans/{id}/export?format=hf|megatron|torchtitan&candidate=n}: a plan's shape for a training
 * framework; {@code candidate} 0 (default) is the recommendation, 1… the alternatives in the plan's order. Megatron and
 * torchtitan also get the training settings: the learning rate and batch of Ling's law at the plan's compute
 * ({@code PlanResult.lingHyperParameters}, arXiv 2507.17702 Eq. 3), the batch in sequences of the shape's length, and
 * the steps that consume the candidate's tokens.
 */
@Path("/api/v1/plans/{id}/export")
@Tag(name = "plan")
public class PlanExportResource {

    @Inject
    PlanService plans;

    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, "application/toml"})
    public Response export(@PathParam("id") long id, @QueryParam("format") String format,
                           @QueryParam("candidate") Integer candidate) {
        PlanResult r = plans.get(id).orElseThrow(() -> ProblemException.notFound("plan", String.valueOf(id))).result();
        int n = candidate == null ? 0 : candidate;
        if (n < 0 || n > r.alternatives().size()) {
            throw ProblemException.badField("candidate", "must be between 0 (the recommendation) and "
                    + r.alternatives().size() + " (the alternatives)");
        }
        Candidate c = n == 0 ? r.recommended() : r.alternatives().get(n - 1);
        TrainingSettings t = TrainingSettings.of(r.lingHyperParameters().learningRate(),
                r.lingHyperParameters().batchTokens(), c.tokens(), c.shape().seqLen());
        return ShapeExports.export(c.shape(), format, t, "plan-" + id + "-candidate-" + n);
    }
}
