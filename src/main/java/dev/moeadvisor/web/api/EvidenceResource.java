package dev.moeadvisor.web.api;

import dev.moeadvisor.evidence.EvidenceReport;
import dev.moeadvisor.service.EvidenceService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Every bundled MoE-vs-dense source against every law family and model (the JSON of {@code /evidence}). */
@Path("/api/v1/evidence")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "laws")
public class EvidenceResource {

    /**
     * The report. Gaps are {@code L_moe/L_dense − 1} (fractions; negative: the MoE is better), errors
     * {@code predicted − observed}; {@code fitted} is {@code FITTED}, {@code PARTLY} or {@code HELD_OUT}.
     *
     * @param defaultFitPending true while the default fit is still computing (it is then absent)
     * @param sources           the sources, with their pair counts
     * @param predictors        law families ({@code kind: law}) and models ({@code kind: fit}), with their units
     * @param rows              one per matched pair, each with every predictor's prediction
     * @param summaries         per source and predictor: pairs, held out, fitted, in range, RMSE, held-out RMSE, mean error
     */
    public record EvidenceResponse(boolean defaultFitPending, List<EvidenceReport.SourceInfo> sources,
                                   List<EvidenceReport.PredictorInfo> predictors, List<EvidenceReport.Row> rows,
                                   List<EvidenceReport.Summary> summaries) {
    }

    @Inject
    EvidenceService evidence;

    @GET
    @Operation(summary = "Every bundled source of MoE-vs-dense runs against every MoE law family and the advisor's "
            + "models: each matched pair's observed and predicted relative loss gap, the error, which predictor was "
            + "fitted on it, and per-source RMSE (all pairs and held-out pairs)")
    public EvidenceResponse get() {
        EvidenceService.Answer a = evidence.report();
        EvidenceReport r = a.report();
        return new EvidenceResponse(a.defaultFitPending(), r.sources(), r.predictors(), r.rows(), r.summaries());
    }
}
