package dev.moeadvisor.web.ui.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moeadvisor.evidence.EvidenceReport;
import dev.moeadvisor.service.EvidenceService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /evidence}: the same report as {@code GET /api/v1/evidence}, as tables and a parity chart. */
@Path("/evidence")
@Produces(MediaType.TEXT_HTML)
public class EvidencePageResource {

    @Inject
    EvidenceService evidence;

    @Inject
    ObjectMapper mapper;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance evidence(EvidenceView view);
    }

    @GET
    public TemplateInstance page() {
        EvidenceService.Answer a = evidence.report();
        EvidenceReport r = a.report();
        return Templates.evidence(EvidenceView.of(r, a.defaultFitPending(),
                EvidenceChartData.of(r).toScriptContent(mapper)));
    }
}
