package dev.moeadvisor.web.ui.explore;

import dev.moeadvisor.plan.IsoFlopExplorer;
import dev.moeadvisor.plan.PlanRequest;
import dev.moeadvisor.web.ui.shared.ModelOptions;
import dev.moeadvisor.web.ui.shared.NumberFormats;
import dev.moeadvisor.web.ui.shared.Option;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** {@code /explore}: the controls; {@code web/js/explore.js} fetches and draws everything else. */
@Path("/explore")
@Produces(MediaType.TEXT_HTML)
public class ExplorePageResource {

    static final String ANY = "any";

    @Inject
    ModelOptions modelOptions;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance explore(ExplorePage page);
    }

    @GET
    public TemplateInstance explore() {
        // the planner's defaults: the evidence bounds fix the lists of E, k and G the search visits
        PlanRequest defaults = PlanRequest.builder(1e21, PlanRequest.AMPLE).build();
        List<Option> experts = withAny(Arrays.stream(IsoFlopExplorer.expertCounts(defaults))
                .mapToObj(e -> new Option(Integer.toString(e), Integer.toString(e), false)).toList());
        List<Option> topKs = withAny(IntStream.rangeClosed(defaults.minTopK(), defaults.maxTopK())
                .mapToObj(k -> new Option(Integer.toString(k), Integer.toString(k), false)).toList());
        List<Option> g = withAny(IsoFlopExplorer.granularityBands(defaults).stream()
                .map(b -> new Option(Double.toString(b[2]), NumberFormats.sig(b[2]), false)).toList());
        return Templates.explore(new ExplorePage(modelOptions.forExplore(null), experts, topKs, g, 18, 26, 21));
    }

    private static List<Option> withAny(List<Option> options) {
        List<Option> out = new ArrayList<>();
        out.add(new Option(ANY, ANY, true));
        out.addAll(options);
        return List.copyOf(out);
    }
}
