package dev.moeadvisor.web.api;

import dev.moeadvisor.law.LawDescription;
import dev.moeadvisor.law.Range;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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

    /** One coefficient set. */
    public record LawDto(String id, String kind, String formula, Map<String, Double> coefficients,
                         Map<String, RangeDto> fittedRanges, CitationDto citation) {}

    @GET
    public List<LawDto> list() {
        return LawDescription.published().stream().map(LawsResource::toDto).toList();
    }

    static LawDto toDto(LawDescription d) {
        Map<String, RangeDto> ranges = new LinkedHashMap<>();
        d.fittedRanges().forEach((k, v) -> ranges.put(k, RangeDto.of(v)));
        return new LawDto(d.id(), d.kind(), d.formula(), d.coefficients(), ranges, CitationDto.of(d.citation()));
    }
}
