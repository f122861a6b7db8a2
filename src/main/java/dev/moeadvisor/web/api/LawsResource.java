package dev.moeadvisor.web.api;

import dev.moeadvisor.law.LawDescription;
import dev.moeadvisor.law.Range;
import dev.moeadvisor.law.family.LawComparison;
import dev.moeadvisor.law.family.LawFamilies;
import dev.moeadvisor.law.family.LawConventions;
import dev.moeadvisor.law.family.MoeLawFamily;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.web.error.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The published coefficient sets with their citations and fitted ranges. */
@Path("/api/v1/laws")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "laws")
public class LawsResource {

    /** A range with infinite ends written as null (JSON has no infinity). */
    public record RangeDto(Double min, Double max) {
        static RangeDto of(Range r) {
            return new RangeDto(Double.isInfinite(r.min()) ? null : r.min(), Double.isInfinite(r.max()) ? null : r.max());
        }
    }

    /**
     * One coefficient set. {@code unit}, {@code conventions} and {@code axes} are given for the MoE law families
     * (kind {@code moe-loss-family}) and null otherwise.
     */
    public record LawDto(String id, String kind, String formula, Map<String, Double> coefficients,
                         Map<String, RangeDto> fittedRanges, CitationDto citation, String unit,
                         LawConventions conventions, Map<String, String> axes) {}

    @GET
    public List<LawDto> list() {
        List<LawDto> all = new ArrayList<>(LawDescription.published().stream().map(LawsResource::toDto).toList());
        LawFamilies.PUBLISHED.forEach(f -> all.add(toDto(f)));
        return all;
    }

    static LawDto toDto(LawDescription d) {
        Map<String, RangeDto> ranges = new LinkedHashMap<>();
        d.fittedRanges().forEach((k, v) -> ranges.put(k, RangeDto.of(v)));
        return new LawDto(d.id(), d.kind(), d.formula(), d.coefficients(), ranges, CitationDto.of(d.citation()),
                null, null, null);
    }

    static LawDto toDto(MoeLawFamily f) {
        Map<String, RangeDto> ranges = new LinkedHashMap<>();
        f.ranges().forEach((axis, r) -> ranges.put(axis.key(), RangeDto.of(r)));
        Map<String, String> axes = new LinkedHashMap<>();
        f.axisMeanings().forEach((axis, meaning) -> axes.put(axis.key(), meaning));
        return new LawDto(f.id(), "moe-loss-family", f.formula(), f.coefficients(), ranges,
                CitationDto.of(f.citation()), f.unit(), f.conventions(), axes);
    }

    @POST
    @Path("/compare")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The EL each MoE law family implies for a shape at one compute or over a range of computes, "
            + "with its loss in its own unit and each axis against its fitted range")
    public LawCompareResponse compare(@NotNull @Valid LawCompareRequest request) {
        ModelShape shape = request.shape().toShape();
        if (!shape.isMoe()) {
            throw ProblemException.badField("shape.experts", "the law families describe MoE shapes: give experts ≥ 1");
        }
        return LawCompareResponse.of(LawComparison.of(shape, computes(request)));
    }

    private static List<Double> computes(LawCompareRequest request) {
        LawCompareRequest.ComputeRange range = request.computeRange();
        if ((request.computeFlops() == null) == (range == null)) {
            throw ProblemException.badField("computeFlops", "give exactly one of computeFlops and computeRange");
        }
        if (range == null) {
            return List.of(request.computeFlops());
        }
        if (!(range.max() > range.min())) {
            throw ProblemException.badField("computeRange.max", "must exceed computeRange.min");
        }
        return LawComparison.logSpaced(range.min(), range.max(), range.points() == null ? 13 : range.points());
    }
}
