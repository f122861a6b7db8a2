package dev.moeadvisor.web.ui.laws;

import dev.moeadvisor.web.ui.shared.Option;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moeadvisor.law.LawDescription;
import dev.moeadvisor.law.family.LawComparison;
import dev.moeadvisor.law.family.LawFamilies;
import dev.moeadvisor.law.family.MoeLawFamily;
import dev.moeadvisor.budget.TrainingBudget;
import dev.moeadvisor.service.KnownShapeCatalog;
import dev.moeadvisor.shape.KnownShape;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The laws page: every published coefficient set and MoE law family the advisor uses, with fitted ranges and
 * citations; and {@code /laws/compare}, the EL each law family implies for a known MoE shape over a compute range.
 */
@Path("/laws")
@Produces(MediaType.TEXT_HTML)
public class LawsPageResource {

    /** Points of the compare chart. */
    static final int CHART_POINTS = 25;
    static final String DEFAULT_SHAPE = "qwen3-30b-a3b";

    @Inject
    KnownShapeCatalog shapes;

    @Inject
    ObjectMapper mapper;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance laws(List<LawDescription> laws, List<MoeLawFamily> families);

        static native TemplateInstance compare(LawCompareView view);
    }

    @GET
    public TemplateInstance laws() {
        return Templates.laws(LawDescription.published(), LawFamilies.PUBLISHED);
    }

    /** Invalid input re-renders the form with messages naming the field; nothing else happens. */
    @GET
    @Path("/compare")
    public TemplateInstance compare(@QueryParam("shape") @DefaultValue(DEFAULT_SHAPE) String shapeId,
                                    @QueryParam("min") @DefaultValue("1e18") String min,
                                    @QueryParam("max") @DefaultValue("1e24") String max,
                                    @QueryParam("at") @DefaultValue("1e20") String at) {
        List<KnownShape> moe = shapes.all().stream().filter(s -> s.shape().isMoe()).toList();
        List<Option> options = moe.stream().map(s -> new Option(s.id(), s.name(), s.id().equals(shapeId))).toList();
        List<String> errors = new ArrayList<>();
        Optional<KnownShape> shape = moe.stream().filter(s -> s.id().equals(shapeId)).findFirst();
        if (shape.isEmpty()) {
            errors.add("shape: no known MoE shape '" + shapeId + "'");
        }
        double lo = compute("min", min, errors);
        double hi = compute("max", max, errors);
        double table = compute("at", at, errors);
        if (errors.isEmpty() && !(hi > lo)) {
            errors.add("max: must exceed min");
        }
        if (!errors.isEmpty()) {
            return Templates.compare(new LawCompareView(options, min, max, at, errors, null, List.of(), null));
        }
        KnownShape s = shape.get();
        LawComparison curve = LawComparison.of(s.shape(), LawComparison.logSpaced(lo, hi, CHART_POINTS));
        LawComparison one = LawComparison.of(s.shape(), List.of(table));
        return Templates.compare(new LawCompareView(options, min, max, at, List.of(), s.name(),
                LawCompareView.rows(one), LawCompareChartData.of(curve, s.name()).toScriptContent(mapper)));
    }

    /** A compute typed in a field: a finite positive number of FLOPs up to the advisor's limit, else an error. */
    private static double compute(String field, String text, List<String> errors) {
        try {
            double x = Double.parseDouble(text.trim());
            if (x > 0 && x <= TrainingBudget.MAX_COMPUTE) {
                return x;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(field + ": give a compute in FLOPs, a number above 0 and at most " + TrainingBudget.MAX_COMPUTE);
        return Double.NaN;
    }
}
