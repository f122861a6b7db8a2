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
 * published MoE law family and every model of the advisor: the published coefficients {@code ling-2025} and
 * {@code ling-2025-epoch} (fitted on none of these runs), the default fit (fitted on [ER] Tables 9–13 inside its
 * domain, Ling's pair joined) and the {@link #MAX_STORED_FITS} newest other finished fits (each marked with the runs it
 * was fitted on: its fitted points and the runs of every data set it joined). Each predictor carries the sources it
 * was fitted on ({@link EvidenceReport.PredictorInfo#fittedOn()}). Computed from the bundled files; kept while the set
 * of fits in it is unchanged (the inputs never change while the advisor runs); until the default fit is ready, computed
 * on each request without it, which the answer says.
 */
@ApplicationScoped
public class EvidenceService {

    /** Stored fits besides the default in the report, newest first: the bound on its columns. */
    static final int MAX_STORED_FITS = 6;

    @Inject
    LossModelRegistry models;
    @Inject
    FitService fitService;

    /** The last complete report and the fits it holds. */
    private record Kept(List<Long> fitIds, EvidenceReport report) {
    }

    private volatile Kept complete;

    /**
     * The report and whether the default fit is in it.
     *
     * @param report            the report
     * @param defaultFitPending true when the default fit is still computing and so absent
     */
    public record Answer(EvidenceReport report, boolean defaultFitPending) {
    }

    public Answer report() {
        List<FitView> stored = fitService.list().stream().filter(f -> f.done() && !f.isDefault())
                .limit(MAX_STORED_FITS).toList();
        List<Long> ids = stored.stream().map(FitView::id).toList();
        Kept done = complete;
        if (done != null && done.fitIds().equals(ids)) {
            return new Answer(done.report(), false);
        }
        Optional<LossModelChoice> defaultFit = defaultFit();
        EvidenceReport report = EvidenceReport.of(sources(), predictors(defaultFit, stored));
        if (defaultFit.isPresent()) {
            complete = new Kept(ids, report);
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

    private List<GapPredictor> predictors(Optional<LossModelChoice> defaultFit, List<FitView> stored) {
        List<GapPredictor> out = new ArrayList<>();
        LawFamilies.PUBLISHED.forEach(f -> out.add(new LawGapPredictor(f)));
        defaultFit.ifPresent(c -> out.add(fit(c, LossModelRegistry.DEFAULT, "Default fit", defaultFitRuns())));
        out.add(fit(models.resolve(LossModelRegistry.PUBLISHED), LossModelRegistry.PUBLISHED,
                "ling-2025 (published coefficients)", Set.of()));
        out.add(fit(models.resolve(LossModelRegistry.PUBLISHED_EPOCH), LossModelRegistry.PUBLISHED_EPOCH,
                "ling-2025-epoch (published coefficients)", Set.of()));
        for (FitView f : stored) {
            String id = Long.toString(f.id());
            fitService.fit(id).ifPresent(c -> out.add(fit(c, id, "Fit #" + id + " of " + f.request().dataset(),
                    fittedRuns(f))));
        }
        return out;
    }

    /** The runs a stored fit saw: its fitted points and every run of a bundled data set it joined. */
    static Set<String> fittedRuns(FitView f) {
        Set<String> ids = new LinkedHashSet<>();
        f.points().forEach(p -> ids.add(p.runId()));
        Set<String> joined = new LinkedHashSet<>();
        if (f.request().joint() != null) {
            joined.addAll(f.request().joint());
        }
        if (f.request().sources() != null) {
            f.request().sources().forEach(s -> joined.add(s.dataset()));
        }
        BundledRuns.INDEPENDENT.stream().filter(s -> joined.contains(s.slug()))
                .forEach(s -> s.runs().stream().map(TrainingRun::runId).forEach(ids::add));
        return ids;
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
