package dev.moeadvisor.service;

import dev.moeadvisor.runs.BundledRuns;
import dev.moeadvisor.runs.RunCsvReader;
import dev.moeadvisor.runs.RunCsvWriter;
import dev.moeadvisor.runs.RunDataError;
import dev.moeadvisor.runs.RunDataException;
import dev.moeadvisor.runs.RunInput;
import dev.moeadvisor.runs.RunRules;
import dev.moeadvisor.runs.RunValidator;
import dev.moeadvisor.runs.TrainingRun;
import dev.moeadvisor.store.DatasetEntity;
import dev.moeadvisor.store.DatasetRepository;
import dev.moeadvisor.store.FitRepository;
import dev.moeadvisor.store.RunRepository;
import io.micrometer.core.annotation.Timed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.io.Reader;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Data sets of training runs: the bundled {@value #BUNDLED_SLUG} set (read-only, loaded once) and user uploads
 * (CSV or JSON, accepted whole or refused whole).
 */
@ApplicationScoped
public class DatasetService {

    public static final String BUNDLED_SLUG = "equal-resources-2025";
    /** Longest description (the column's width). */
    static final int MAX_DESCRIPTION = 4000;
    static final String BUNDLED_NAME = "Equal-resources runs (Li, Lo et al., 2025)";
    static final String BUNDLED_CITATION = "Li, Lo, et al., Can Mixture-of-Experts Surpass Dense LLMs Under Strictly "
            + "Equal Resources?, arXiv 2506.12119 v2, Appendix E, Tables 5–17";

    @Inject
    DatasetRepository datasets;
    @Inject
    RunRepository runs;
    @Inject
    FitRepository fits;
    @Inject
    AdvisorConfig config;
    @Inject
    Clock clock;

    /** Loads the bundled runs unless they are already stored; safe to call at every start. */
    @Transactional
    public boolean ensureBundled() {
        if (datasets.findBySlug(BUNDLED_SLUG).isPresent()) {
            return false;
        }
        store(BUNDLED_SLUG, BUNDLED_NAME, "The 120 training runs published in Appendix E (architecture ablations "
                + "with training loss; 2B/7B sweeps, dense baselines and data-reuse runs with validation BPC).",
                BUNDLED_CITATION, true, BundledRuns.equalResources2025());
        return true;
    }

    /**
     * Loads an independent bundled source ({@link BundledRuns#INDEPENDENT}) as a read-only data set unless it is
     * stored; safe to call at every start.
     */
    @Transactional
    public boolean ensureBundled(BundledRuns.Source source) {
        if (datasets.findBySlug(source.slug()).isPresent()) {
            return false;
        }
        store(source.slug(), source.name(), source.description(), source.citation(), true, source.runs());
        return true;
    }

    /** True when a data set with this id is stored. */
    @Transactional
    public boolean stored(String slug) {
        return datasets.findBySlug(slug).isPresent();
    }

    @Transactional
    public boolean bundledPresent() {
        return datasets.findBySlug(BUNDLED_SLUG).isPresent();
    }

    public List<DatasetSummary> list() {
        return datasets.listByName().stream().map(this::summary).toList();
    }

    public DatasetSummary get(String slug) {
        return summary(entity(slug));
    }

    public List<TrainingRun> runs(String slug) {
        return runs.listByDataset(entity(slug)).stream().map(RunRecords::toRun).toList();
    }

    public String csv(String slug) {
        return new RunCsvWriter().toCsv(runs(slug));
    }

    /** Stores an uploaded CSV file, or refuses it whole with every problem's line and column. */
    @Transactional
    @Timed(value = "advisor.uploads", extraTags = {"format", "csv"}, description = "run uploads (count and time)")
    public DatasetSummary importCsv(String name, String description, Reader csv) {
        checkName(name);
        checkDescription(description);
        List<TrainingRun> parsed = new RunCsvReader(RunRules.upload(config.upload().maxRows())).read(csv);
        return summary(store(slugFor(name), name.trim(), description, null, false, parsed));
    }

    /** Stores uploaded runs in their JSON form, or refuses them whole. */
    @Transactional
    @Timed(value = "advisor.uploads", extraTags = {"format", "json"}, description = "run uploads (count and time)")
    public DatasetSummary importJson(String name, String description, List<RunInput> inputs) {
        checkName(name);
        checkDescription(description);
        if (inputs == null || inputs.isEmpty()) {
            throw new RunDataException(List.of(new RunDataError(0, "runs", "give at least one run")));
        }
        List<TrainingRun> parsed = new RunValidator(RunRules.upload(config.upload().maxRows())).validate(inputs);
        return summary(store(slugFor(name), name.trim(), description, null, false, parsed));
    }

    @Transactional
    public void delete(String slug) {
        DatasetEntity d = entity(slug);
        if (d.readOnly) {
            throw new ReadOnlyDatasetException(slug);
        }
        List<Long> running = fits.findRunningIds(d);
        if (!running.isEmpty()) {
            throw new DatasetInUseException(slug, running);
        }
        d.delete();
    }

    private DatasetEntity store(String slug, String name, String description, String citation, boolean readOnly,
                                List<TrainingRun> parsed) {
        DatasetEntity d = new DatasetEntity();
        d.slug = slug;
        d.name = name;
        d.description = description == null || description.isBlank() ? null : description.trim();
        d.citation = citation;
        d.readOnly = readOnly;
        d.runCount = parsed.size();
        d.dataHash = Hashes.sha256(new RunCsvWriter().toCsv(parsed));
        d.createdAt = OffsetDateTime.now(clock);
        try {
            datasets.persist(d);
        } catch (PersistenceException e) {
            if (!readOnly && SqlErrors.classify(e).orElse(null) == SqlErrors.Kind.UNIQUE_VIOLATION) {
                throw new DatasetNameTakenException(name);
            }
            throw e;
        }
        for (int i = 0; i < parsed.size(); i++) {
            runs.persist(RunRecords.toEntity(parsed.get(i), d, i));
        }
        return d;
    }

    DatasetEntity entity(String slug) {
        return datasets.findBySlug(slug).orElseThrow(() -> new UnknownDatasetException(slug));
    }

    private DatasetSummary summary(DatasetEntity d) {
        List<String> metrics = runs.getEntityManager()
                .createQuery("select distinct r.metric from RunEntity r where r.dataset = ?1 order by r.metric", String.class)
                .setParameter(1, d).getResultList();
        return new DatasetSummary(d.slug, d.name, d.description, d.citation, d.readOnly, d.runCount, metrics,
                d.dataHash, d.createdAt);
    }

    private static void checkDescription(String description) {
        if (description != null && description.trim().length() > MAX_DESCRIPTION) {
            throw new RunDataException(List.of(new RunDataError(0, "description", "must be at most " + MAX_DESCRIPTION
                    + " characters (it has " + description.trim().length() + ")")));
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new RunDataException(List.of(new RunDataError(0, "name", "give the data set a name")));
        }
        if (name.trim().length() > 200) {
            throw new RunDataException(List.of(new RunDataError(0, "name", "must be at most 200 characters")));
        }
    }

    /** A URL-safe id from the name, made unique with a numeric suffix. */
    private String slugFor(String name) {
        String base = name.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (base.isEmpty()) {
            base = "dataset";
        }
        base = base.length() > 60 ? base.substring(0, 60) : base;
        String slug = base;
        for (int i = 2; datasets.findBySlug(slug).isPresent(); i++) {
            slug = base + "-" + i;
        }
        return slug;
    }
}
