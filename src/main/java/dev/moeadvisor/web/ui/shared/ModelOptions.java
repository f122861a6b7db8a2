package dev.moeadvisor.web.ui.shared;

import dev.moeadvisor.service.FitService;
import dev.moeadvisor.service.FitView;
import dev.moeadvisor.service.LossModelChoice;
import dev.moeadvisor.service.LossModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The loss models a form offers, in one order for every page: the default fit, the published choices, the published
 * law families, then each finished stored fit, newest first.
 */
@ApplicationScoped
public class ModelOptions {

    public static final String DEFAULT_FIT_LABEL = "Default fit — fitted to the bundled runs of arXiv 2506.12119";

    @Inject
    LossModelRegistry models;

    @Inject
    FitService fits;

    /** Every model a plan can be ranked with; {@code selected} (blank = the default fit) is marked. */
    public List<Option> forPlans(String selected) {
        return options(selected, family -> true);
    }

    /**
     * The models the explorer can draw: those with Ling's EL law (the default fit, the published choices, the Ling
     * families, stored fits); the law families without one (Krajewski et al., the joint law) are left out.
     */
    public List<Option> forExplore(String selected) {
        return options(selected, family -> family.model() != null);
    }

    private List<Option> options(String selected, Predicate<LossModelChoice> familyShown) {
        String chosen = selected == null || selected.isBlank() ? LossModelRegistry.DEFAULT : selected.trim();
        List<Option> out = new ArrayList<>();
        out.add(new Option(LossModelRegistry.DEFAULT, DEFAULT_FIT_LABEL, LossModelRegistry.DEFAULT.equals(chosen)));
        models.published().forEach(m -> out.add(new Option(m.id(), m.label(), m.id().equals(chosen))));
        models.families().stream().filter(familyShown)
                .forEach(m -> out.add(new Option(m.id(), m.label(), m.id().equals(chosen))));
        fits.list().stream().filter(f -> f.done() && !f.isDefault()).forEach(f -> {
            String id = Long.toString(f.id());
            out.add(new Option(id, fitLabel(f), id.equals(chosen)));
        });
        return List.copyOf(out);
    }

    private static String fitLabel(FitView f) {
        return "Fit #" + f.id() + " of data set " + f.request().dataset() + " (" + f.result().metric() + ", "
                + f.result().runCount() + " runs)";
    }
}
