package dev.moeadvisor.service;

import dev.moeadvisor.evidence.EvidenceReport;
import dev.moeadvisor.evidence.EvidenceSource;
import dev.moeadvisor.evidence.FitGapPredictor;
import dev.moeadvisor.evidence.GapPredictor;
import dev.moeadvisor.evidence.LawGapPredictor;
import dev.moeadvisor.fit.DefaultFitRecipe;
import dev.moeadvisor.law.Citation;
import dev.moeadvisor.law.family.LawFamilies;
import dev.moeadvisor.runs.BundledRuns;
import dev.moeadvisor.runs.TrainingRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The evidence page's report ({@link EvidenceReport}): every bundled source of MoE-vs-dense runs — [ER]
 * (arXiv 2506.12119), Ling's Table 3 pair (arXiv 2507.17702), DeepSeekMoE's Table 1 (arXiv 2401.06066) — against every
 * published MoE law family and the advisor's models: the default fit (fitted on [ER] Tables 9–13 inside its domain,
 * Ling's pair joined) and the published coefficients {@code ling-2025} (fitted on none of these runs). Computed from the
 * bundled files on the first request once the default fit is ready, then kept (the inputs never change while the
 * advisor runs); until then computed on each request without the default fit, which the answer says.
 */
@ApplicationScoped
public class EvidenceService {

    @Inject
    LossModelRegistry models;

    private volatile EvidenceReport complete;

    /**
     * The report and whether the default fit is in it.
     *
     * @param report            the report
     * @param defaultFitPending true when the default fit is still computing and so absent
     */
    public record Answer(EvidenceReport report, boolean defaultFitPending) {
    }

    public Answer report() {
        EvidenceReport done = complete;
        if (done != null) {
            return new Answer(done, false);
        }
        Optional<LossModelChoice> defaultFit = defaultFit();
        EvidenceReport report = EvidenceReport.of(sources(), predictors(defaultFit));
        if (defaultFit.isPresent()) {
            complete = report;
        }
        return new Answer(report, defaultFit.isEmpty());
    }

    /** The bundled sources, [ER] first. */
    static List<EvidenceSource> sources() {
        List<EvidenceSource> out = new ArrayList<>();
        Citation er = Citation.EQUAL_RESOURCES;
        out.add(new EvidenceSource(DatasetService.BUNDLED_SLUG, "Equal-resources runs (Li, Lo et al., 2025)",
                er.authors() + ", " + er.title() + ", arXiv " + er.arxiv() + ", Appendix E, Tables 9–17",
                BundledRuns.equalResources2025()));
        for (BundledRuns.Source s : BundledRuns.INDEPENDENT) {
            out.add(new EvidenceSource(s.slug(), s.name(), s.citation(), s.runs()));
        }
        return out;
    }

    private List<GapPredictor> predictors(Optional<LossModelChoice> defaultFit) {
        List<GapPredictor> out = new ArrayList<>();
        LawFamilies.PUBLISHED.forEach(f -> out.add(new LawGapPredictor(f)));
        defaultFit.ifPresent(c -> out.add(fit(c, LossModelRegistry.DEFAULT, "Default fit", defaultFitRuns())));
        out.add(fit(models.resolve(LossModelRegistry.PUBLISHED), LossModelRegistry.PUBLISHED,
                "ling-2025 (published coefficients)", Set.of()));
        return out;
    }

    private static GapPredictor fit(LossModelChoice c, String id, String name, Set<String> fittedRunIds) {
        return new FitGapPredictor(id, name, c.unit(), c.model(), c.evidence(), fittedRunIds);
    }

    /** The runs the default fit saw: its [ER] runs and the runs of its joined source. */
    static Set<String> defaultFitRuns() {
        Set<String> ids = new LinkedHashSet<>(DefaultFitRecipe.fittedRunIds());
        BundledRuns.INDEPENDENT.stream().filter(s -> s.slug().equals(DefaultFitRecipe.JOINED))
                .forEach(s -> s.runs().stream().map(TrainingRun::runId).forEach(ids::add));
        return ids;
    }

    private Optional<LossModelChoice> defaultFit() {
        try {
            return Optional.of(models.resolve(LossModelRegistry.DEFAULT));
        } catch (UnknownModelException e) {
            return Optional.empty();
        }
    }
}
