package dev.moeadvisor.web.ui.plan;

import dev.moeadvisor.envelope.Evidence;
import dev.moeadvisor.web.ui.shared.ScriptJson;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.plan.Candidate;
import dev.moeadvisor.service.EvaluationService;
import dev.moeadvisor.service.PlanService;
import dev.moeadvisor.service.SavedPlan;
import dev.moeadvisor.web.error.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Saved plans: {@code GET /plans} lists the recent ones, {@code GET /plans/{id}} is a plan's permalink page and
 * {@code GET /plans/{id}.csv} its returned shapes as CSV. An unknown id is answered with 404.
 */
@Path("/plans")
public class PlansPageResource {

    static final int RECENT = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance plans(List<RecentPlanRow> plans);

        static native TemplateInstance result(PlanView plan);
    }

    @Inject
    PlanService service;

    @Inject
    EvaluationService curves;

    @Inject
    ObjectMapper mapper;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance recent() {
        return Templates.plans(service.recent(RECENT).stream().map(RecentPlanRow::of).toList());
    }

    @GET
    @Path("{id: \\d+}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance plan(@PathParam("id") long id) {
        SavedPlan saved = find(id);
        List<CandidateView> candidates = PlanView.candidates(saved);
        Candidate rec = saved.result().bestMoe();
        double c = saved.result().request().computeFlops();
        EfficiencyLeverageLaw law = saved.model().model().el();
        Evidence evidence = saved.model().evidence();
        PlanChartData charts = PlanChartData.of(candidates, c, saved.model().unit(), law,
                curves.elOverGranularity(law, rec.activationRatio(), c, rec.granularity()), evidence,
                curves.elOverCompute(law, rec.activationRatio(), rec.granularity(), c, evidence.computeFlops().min(),
                        evidence.computeFlops().max()));
        return Templates.result(PlanView.of(saved, candidates, ScriptJson.of(mapper, charts)));
    }

    @GET
    @Path("{id: \\d+}.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("id") long id) {
        SavedPlan saved = find(id);
        String csv = PlanCsv.of(saved.result().request(), PlanView.candidates(saved));
        return Response.ok(csv, "text/csv")
                .header("Content-Disposition", "attachment; filename=\"plan-" + id + ".csv\"").build();
    }

    private SavedPlan find(long id) {
        return service.get(id).orElseThrow(() -> ProblemException.notFound("plan", Long.toString(id)));
    }
}
