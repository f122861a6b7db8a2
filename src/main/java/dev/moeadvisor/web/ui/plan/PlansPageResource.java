package dev.moeadvisor.web.ui.plan;

import dev.moeadvisor.envelope.Evidence;
import dev.moeadvisor.web.ui.shared.ScriptJson;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.plan.Candidate;
import dev.moeadvisor.law.family.LawComparison;
import dev.moeadvisor.plan.PlanAbortedException;
import dev.moeadvisor.service.EvaluationService;
import dev.moeadvisor.service.PlanCapacityException;
import dev.moeadvisor.service.LawRecommendationService;
import dev.moeadvisor.web.ui.laws.LawCompareChartData;
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

        static native TemplateInstance result(PlanView plan, LawRecommendationsView laws, boolean elLaw,
                                              RankingLaw family);
    }

    @Inject
    PlanService service;

    @Inject
    EvaluationService curves;

    @Inject
    LawRecommendationService laws;

    /** The EL-against-compute chart under every law spans at least 1e18–1e24 FLOPs, a decade either side of C. */
    static final double CURVE_MIN = 1e18;
    static final double CURVE_MAX = 1e24;
    static final int CURVE_POINTS = 25;

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
        Evidence evidence = saved.model().evidence();
        // a law family without a composed model (Krajewski's, the joint law) has no EL law of Ling's form to draw
        boolean elLaw = saved.model().model() != null;
        PlanChartData charts;
        if (elLaw) {
            EfficiencyLeverageLaw law = saved.model().model().el();
            charts = PlanChartData.of(candidates, c, saved.model().unit(), law,
                    curves.elOverGranularity(law, rec.activationRatio(), c, rec.granularity()), evidence,
                    curves.elOverCompute(law, rec.activationRatio(), rec.granularity(), c, evidence.computeFlops().min(),
                            evidence.computeFlops().max()));
        } else {
            charts = PlanChartData.lossOnly(candidates, c, saved.model().unit());
        }
        LawRecommendationsView lawView;
        try {
            lawView = laws.of(id).map(r -> LawRecommendationsView.of(r, laws.curves(saved,
                            LawComparison.logSpaced(Math.min(CURVE_MIN, c / 10), Math.max(CURVE_MAX, c * 10), CURVE_POINTS))
                    .map(curve -> LawCompareChartData.of(curve, "the recommended MoE shape").toScriptContent(mapper))
                    .orElse(null))).orElseThrow();
        } catch (PlanCapacityException | PlanAbortedException e) {
            // the table re-plans the budget under every law: when plans cannot run now, the page says so
            lawView = LawRecommendationsView.unavailable("not computed now (" + e.getMessage()
                    + "); reload later or read " + "/api/v1/plans/" + id + "/laws");
        }
        return Templates.result(PlanView.of(saved, candidates, ScriptJson.of(mapper, charts)), lawView, elLaw,
                RankingLaw.of(saved));
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
