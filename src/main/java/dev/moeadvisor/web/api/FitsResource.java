package dev.moeadvisor.web.api;

import dev.moeadvisor.law.family.LawFamilies;
import dev.moeadvisor.law.family.MoeLawFamily;
import dev.moeadvisor.service.LawFamilyPrediction;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;
import dev.moeadvisor.web.error.ProblemException;
import dev.moeadvisor.budget.BudgetInput;
import dev.moeadvisor.service.FitService;
import dev.moeadvisor.service.FitView;
import dev.moeadvisor.service.LossModelRegistry;
import dev.moeadvisor.service.PredictionService;
import dev.moeadvisor.web.error.ProblemException;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Fits of the loss model to data sets, and predictions with them. */
@Path("/api/v1/fits")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "fits")
public class FitsResource {

    @Inject
    FitService fits;
    @Inject
    PredictionService predictions;

    /**
     * A prediction's answer, in the unit of one data set: {@code unit} is the fitted metric and {@code dataset} the
     * data set whose runs it was fitted on (a joint fit's joined sources share only EL, which has no unit), or, for
     * the published model, the corpus of its dense law.
     */
    public record PredictionDto(String model, String unit, String dataset, double predicted, Double lower, Double upper,
                                double efficiencyLeverage, double tokens, double computeFlops, double activeParams,
                                double activationRatio, Double granularity,
                                List<dev.moeadvisor.envelope.Outside> outside, String outsideInWords) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Fit the loss model; 201 with the fit when done at once, 202 with a status URL when it runs on")
    @APIResponse(responseCode = "201", description = "the fit, done", content = @Content(mediaType = "application/json", schema = @Schema(implementation = FitDto.class)))
    @APIResponse(responseCode = "202", description = "the fit, running; poll Location for its progress", content = @Content(mediaType = "application/json", schema = @Schema(implementation = FitDto.class)))
    public Response fit(@NotNull @Valid FitRequestDto request) {
        FitView v = fits.submit(request.toRequest());
        FitDto dto = FitDto.of(v);
        if ("FAILED".equals(v.status())) {
            throw new ProblemException(422, "fit-did-not-converge", "Fit did not converge",
                    v.message() + " (fit " + v.id() + ")", null);
        }
        int status = v.done() ? 201 : 202;
        return Response.status(status).location(URI.create(dto.statusUrl())).entity(dto).build();
    }

    @GET
    public List<FitDto> list() {
        List<FitDto> out = new ArrayList<>();
        out.add(FitDto.published());
        fits.list().stream().map(FitDto::of).forEach(out::add);
        return out;
    }

    @GET
    @Path("{id}")
    public FitDto get(@PathParam("id") String id) {
        if (LossModelRegistry.PUBLISHED.equals(id)) {
            return FitDto.published();
        }
        return (id.matches("\\d{1,18}") ? fits.get(Long.parseLong(id)) : java.util.Optional.<FitView>empty())
                .map(FitDto::of).orElseThrow(() -> ProblemException.notFound("fit", id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Cancel a running fit (202; it ends CANCELLED) or delete a finished one (204); the default "
            + "fit and ling-2025: 409")
    @APIResponse(responseCode = "202", description = "cancelling; the fit ends CANCELLED", content = @Content(mediaType = "application/json", schema = @Schema(implementation = FitDto.class)))
    @APIResponse(responseCode = "204", description = "deleted")
    public Response delete(@PathParam("id") String id) {
        if (LossModelRegistry.PUBLISHED.equals(id)) {
            throw new ProblemException(409, "read-only", "Read-only", "the published coefficients cannot be deleted",
                    null);
        }
        FitService.Removal removal = id.matches("\\d{1,18}") ? fits.cancelOrDelete(Long.parseLong(id))
                : FitService.Removal.NOT_FOUND;
        return switch (removal) {
            case NOT_FOUND -> throw ProblemException.notFound("fit", id);
            case DELETED -> Response.noContent().build();
            case CANCELLING -> {
                FitDto dto = get(id);
                yield Response.accepted(dto).location(URI.create(dto.statusUrl())).build();
            }
        };
    }

    @POST
    @Path("{id}/predict")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Predict the metric and EL of a shape trained on tokens (or compute) with this fit")
    public PredictionDto predict(@PathParam("id") String id, @NotNull @Valid PredictRequestDto request) {
        var family = LawFamilies.byId(id);
        if (family.isPresent()) {
            return predictWithLaw(family.get(), request);
        }
        String dataset = LossModelRegistry.PUBLISHED.equals(id) ? "MassiveText (Hoffmann et al., arXiv 2203.15556)"
                : get(id).dataset();
        var p = predictions.predict(id, request.shape().toShape(),
                new BudgetInput(request.tokens(), request.computeFlops(), null), request.uniqueTokens());
        return new PredictionDto(p.model().id(), p.model().unit(), dataset, p.predicted(), finite(p.low()), finite(p.high()),
                p.efficiencyLeverage(), p.budget().tokens(), p.budget().computeFlops(), p.metrics().activeParams(),
                p.metrics().activationRatioLing(), finite(p.metrics().granularity()), p.outside(),
                dev.moeadvisor.envelope.EvidenceEnvelope.words(p.outside()));
    }

    /**
     * A published MoE law family as the model: its loss in its own unit (no repetition term: unique tokens are not
     * read), the EL it implies (no bootstrap, so no interval), and its fitted ranges by the envelope rule.
     */
    private static PredictionDto predictWithLaw(MoeLawFamily law, PredictRequestDto request) {
        ModelShape shape = request.shape().toShape();
        if (!shape.isMoe()) {
            throw ProblemException.badField("shape.experts", "the law families describe MoE shapes: give experts ≥ 1");
        }
        LawFamilyPrediction p = LawFamilyPrediction.of(law, shape,
                new BudgetInput(request.tokens(), request.computeFlops(), null));
        ShapeMetrics m = ShapeMetrics.of(shape);
        return new PredictionDto(law.id(), law.unit(), law.citation().text(), p.implied().loss(), null, null,
                p.implied().leverage(), p.budget().tokens(), p.budget().computeFlops(), m.activeParams(),
                m.activationRatioLing(), finite(m.granularity()), p.outside(),
                dev.moeadvisor.envelope.EvidenceEnvelope.words(p.outside()));
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
