package dev.moeadvisor.service;

import dev.moeadvisor.fit.FitCancelledException;
import dev.moeadvisor.fit.FitDidNotConvergeException;
import dev.moeadvisor.fit.FitOptions;
import dev.moeadvisor.fit.FitParameter;
import dev.moeadvisor.fit.Prior;
import dev.moeadvisor.fit.FitPoint;
import dev.moeadvisor.fit.FitProblem;
import dev.moeadvisor.fit.FitResult;
import dev.moeadvisor.fit.FitWork;
import dev.moeadvisor.fit.InvalidFitProblemException;
import dev.moeadvisor.fit.LossModelFitter;
import dev.moeadvisor.runs.TrainingRun;
import dev.moeadvisor.store.FitEntity;
import dev.moeadvisor.store.FitRepository;
import dev.moeadvisor.store.StartupClaims;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fits the loss model to a data set's runs (science: Huber on log loss, seeded multi-start, bootstrap, LOO) and
 * stores every fit with its request, seed, a hash of its runs, and its result. Small fits run while the caller
 * waits; larger ones in the background, with progress. An identical request to a finished fit returns that fit.
 */
@ApplicationScoped
public class FitService implements FittedModels {

    private static final Logger LOG = Logger.getLogger(FitService.class);
    /** Tables 9–13 of arXiv 2506.12119: the 2B/7B sweeps and dense baselines on unique data. */
    static final List<Integer> DEFAULT_TABLES = dev.moeadvisor.fit.DefaultFitRecipe.TABLES;
    static final String DEFAULT_FIT_CLAIM = "default-fit";

    @Inject
    DatasetService datasets;
    @Inject
    FitRepository fits;
    @Inject
    AdvisorConfig config;
    @Inject
    Clock clock;
    @Inject
    StartupClaims claims;
    @Inject
    MeterRegistry meters;
    /** This instance's name in start-up claims and as the owner of the fits it runs. */
    @Inject
    InstanceId instance;
    @Inject
    FitAdmission admission;

    /** True while this instance computes the default fit (so that the periodic check does not start it twice). */
    private final AtomicBoolean computingDefault = new AtomicBoolean();
    /** True once this instance has tried the default fit itself; then it only takes over claims of dead owners. */
    private final AtomicBoolean triedDefault = new AtomicBoolean();
    private final Map<Long, Double> progress = new ConcurrentHashMap<>();
    private final Map<Long, LossModelChoice> models = new ConcurrentHashMap<>();
    /** The cancellation flag of each fit running on this instance. */
    private final Map<Long, AtomicBoolean> cancellations = new ConcurrentHashMap<>();
    private Semaphore slots;
    private ExecutorService executor;

    @PostConstruct
    void start() {
        slots = new Semaphore(config.fit().maxConcurrent());
        executor = Executors.newFixedThreadPool(config.fit().maxConcurrent(), r -> {
            Thread t = new Thread(r, "fit");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /**
     * The default fit: the bundled validation-BPC runs on unique data (Tables 9–13) inside the model's domain (top-k
     * ≥ 2, 2 ≤ G ≤ 16: {@link dev.moeadvisor.fit.DefaultFitRecipe#inDomain}, named by run id), with Ling's EL
     * coefficients and Epoch's dense exponents as priors ({@link dev.moeadvisor.fit.PriorSet#LING_EL_EPOCH_EXPONENTS}),
     * joined with Ling's matched pair (Table 3 of arXiv 2507.17702) as an EL observation; the reuse Tables 14–17 and
     * the runs outside the domain held out. Chosen by held-out error among the variants the README compares.
     */
    public FitRequest defaultRequest() {
        return withDefaults(new FitRequest(DatasetService.BUNDLED_SLUG, "val_bpc",
                new FitRequest.RunFilter(DEFAULT_TABLES, null, dev.moeadvisor.fit.DefaultFitRecipe.fittedRunIds()),
                Map.of(), null, null, null,
                DEFAULT_PRIOR_SET, DEFAULT_JOINT));
    }

    /** The default fit's prior set. */
    static final String DEFAULT_PRIOR_SET = dev.moeadvisor.fit.DefaultFitRecipe.PRIORS.id();
    /** The default fit's joined sources. */
    static final List<String> DEFAULT_JOINT = List.of(dev.moeadvisor.fit.DefaultFitRecipe.JOINED);

    /**
     * Starts a fit. Answers the finished fit when it was small enough to run now or an identical one exists;
     * otherwise a {@code RUNNING} fit whose progress {@link #get} reports.
     */
    public FitView submit(FitRequest raw) {
        return submit(raw, false);
    }

    /**
     * Starts a fit, as {@link #submit(FitRequest)}; {@code background} runs even a small one in the background, so
     * that a page can answer at once with the fit's progress page.
     */
    public FitView submit(FitRequest raw, boolean background) {
        FitRequest request = withDefaults(raw);
        if (!slots.tryAcquire()) {
            throw new FitCapacityException(config.fit().maxConcurrent());
        }
        boolean started = false;
        try {
            FitProblem problem = QuarkusTransaction.requiringNew().call(() -> problem(request));
            String hash = QuarkusTransaction.requiringNew().call(() ->
                    Hashes.sha256(datasets.entity(request.dataset()).dataHash + "\n" + StoredJson.write(request)));
            Optional<Long> same = QuarkusTransaction.requiringNew().call(() -> fits.findDoneByRequestHash(hash).map(f -> f.id));
            if (same.isPresent()) {
                return get(same.get()).orElseThrow();
            }
            admission.admit(problem);
            long id = QuarkusTransaction.requiringNew().call(() -> create(request, hash, problem));
            progress.put(id, 0.0);
            cancellations.put(id, new AtomicBoolean());
            started = true;
            if (!background && FitWork.of(problem.options(), problem.points().size()) <= config.fit().backgroundAbove()) {
                run(id, problem);
            } else {
                executor.submit(() -> run(id, problem));
            }
            return get(id).orElseThrow();
        } finally {
            if (!started) {
                slots.release();
            }
        }
    }

    /**
     * Makes sure the default fit exists: computes it in the background unless it is stored, or another instance
     * sharing the database has claimed the work (then this instance waits for it to appear; readiness says so).
     * Called at start and then every few seconds until the fit is stored ({@link WorkRecovery}): a claim whose
     * heartbeat is older than {@code advisor.recovery.stale-after} (an instance that died mid-fit) is taken over.
     * An instance tries a free claim once; after that (the fit failed) only a dead owner's claim.
     *
     * @return true when the default fit is stored
     */
    public boolean ensureDefaultFit() {
        boolean present = QuarkusTransaction.requiringNew().call(() -> fits.findDefaultId().isPresent());
        if (present || computingDefault.get()) {
            return present;
        }
        if (!claimDefaultFit(OffsetDateTime.now(clock))) {
            LOG.debug("another instance is computing the default fit");
            return false;
        }
        triedDefault.set(true);
        computingDefault.set(true);
        FitRequest request = defaultRequest();
        executor.submit(() -> {
            try {
                FitView fit = submit(request);
                while (fit.status().equals(FitEntity.Status.RUNNING.name())) {
                    // a large default fit (many resamples) runs in the background: keep the claim until it ends
                    Thread.sleep(500);
                    fit = get(fit.id()).orElseThrow();
                }
                if (!fit.done()) {
                    LOG.errorf("the default fit did not finish: %s", fit.message());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.errorf(e, "the default fit failed");
            } finally {
                computingDefault.set(false);
                QuarkusTransaction.requiringNew().run(() -> claims.release(DEFAULT_FIT_CLAIM, instance.id()));
            }
        });
        return false;
    }

    private boolean claimDefaultFit(OffsetDateTime now) {
        OffsetDateTime staleBefore = now.minus(config.recovery().staleAfter());
        if (triedDefault.get() && !QuarkusTransaction.requiringNew().call(() -> claims.held(DEFAULT_FIT_CLAIM))) {
            return false;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> claims.insert(DEFAULT_FIT_CLAIM, instance.id(), now));
            return true;
        } catch (RuntimeException held) {
            boolean tookOver = QuarkusTransaction.requiringNew().call(() -> claims.takeOverIfStale(DEFAULT_FIT_CLAIM,
                    instance.id(), staleBefore, now));
            if (tookOver) {
                LOG.info("took over the default fit from an instance that stopped answering");
            }
            return tookOver;
        }
    }

    /** The message of a fit cancelled through an instance other than the one running it, until that one stops. */
    public static final String CANCELLED_ELSEWHERE = "cancelled on request; the instance running it is stopping it";

    /**
     * Raises the cancellation flag of every fit this instance runs that another instance has cancelled (its row says
     * {@code CANCELLED}); the fitter then stops within one local optimisation. Called every heartbeat
     * ({@link WorkRecovery}). Returns how many flags were raised.
     */
    public int pollCancellations() {
        if (cancellations.isEmpty()) {
            return 0;
        }
        List<Long> running = List.copyOf(cancellations.keySet());
        List<Long> cancelled = QuarkusTransaction.requiringNew().call(() -> fits.findCancelledIds(running));
        int raised = 0;
        for (long id : cancelled) {
            AtomicBoolean flag = cancellations.get(id);
            if (flag != null && !flag.getAndSet(true)) {
                raised++;
            }
        }
        return raised;
    }

    /** What {@link #cancelOrDelete} did. */
    public enum Removal { NOT_FOUND, CANCELLING, DELETED }

    /**
     * Cancels a running fit (it ends {@code CANCELLED} within one local optimisation: the fitter polls the flag) or
     * deletes a finished one. The default fit is neither cancelled nor deleted ({@link DefaultFitException}).
     */
    public Removal cancelOrDelete(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FitEntity e = fits.findById(id);
            if (e == null) {
                return Removal.NOT_FOUND;
            }
            if (e.isDefault) {
                throw new DefaultFitException(id);
            }
            if (e.status == FitEntity.Status.RUNNING) {
                AtomicBoolean flag = cancellations.get(id);
                if (flag != null) {
                    flag.set(true);
                } else {
                    // Running on another instance sharing the database: the row says CANCELLED, which that instance
                    // reads at its next heartbeat (pollCancellations) and stops; its end keeps the status.
                    e.status = FitEntity.Status.CANCELLED;
                    e.message = CANCELLED_ELSEWHERE;
                    e.finishedAt = OffsetDateTime.now(clock);
                }
                return Removal.CANCELLING;
            }
            fits.delete(e);
            models.remove(id);
            return Removal.DELETED;
        });
    }

    public Optional<FitView> get(long id) {
        return QuarkusTransaction.requiringNew().call(() -> fits.findByIdOptional(id).map(this::view));
    }

    public List<FitView> list() {
        return QuarkusTransaction.requiringNew().call(() -> fits.listNewestFirst().stream().map(this::view).toList());
    }

    @Override
    public Optional<LossModelChoice> defaultFit() {
        // the model is parsed once per fit: a plan asks only which fit is the default unless it is not parsed yet
        return QuarkusTransaction.requiringNew().call(() -> fits.findDefaultId().flatMap(id -> {
            LossModelChoice parsed = models.get(id);
            return parsed != null ? Optional.of(parsed) : fits.findByIdOptional(id).map(this::choice);
        }));
    }

    @Override
    public Optional<LossModelChoice> fit(String id) {
        if (!id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> fits.findByIdOptional(Long.parseLong(id))
                .filter(f -> f.status == FitEntity.Status.DONE).map(this::choice));
    }

    private LossModelChoice choice(FitEntity f) {
        return models.computeIfAbsent(f.id, id -> {
            FitResult r = StoredJson.read(f.resultJson, FitResult.class);
            return new LossModelChoice(Long.toString(id), "Fit #" + id + " of " + f.dataset.slug + " (" + f.metric
                    + ", " + r.runCount() + " runs" + (f.isDefault ? ", the default fit" : "") + ")", f.metric,
                    namedForDataset(r.model(), f.dataset.name, f.metric, r.runCount()), r.bootstrapModels(),
                    r.evidence());
        });
    }

    /**
     * The fitted model with its EL law's citation in words for people: "fitted to 41 runs (val_bpc) of data set &lt;name&gt;",
     * the data's SHA-256 cut to its first 12 hex digits (the fit's id carries the same prefix; the fit's
     * page and API give the whole hash). A published law (with an arXiv id) is returned unchanged.
     */
    static dev.moeadvisor.law.MoeLossModel namedForDataset(dev.moeadvisor.law.MoeLossModel m, String dataset,
                                                         String metric, int runs) {
        dev.moeadvisor.law.Citation c = m.el().citation();
        if (c.hasArxiv()) {
            return m;
        }
        String locator = c.locator() == null ? "" : c.locator().replaceAll("\\b([0-9a-f]{12})[0-9a-f]{52}\\b", "$1…");
        dev.moeadvisor.law.Citation named = new dev.moeadvisor.law.Citation(c.key(), c.authors(),
                "fitted to " + runs + " runs (" + metric + ") of data set " + dataset, "", locator);
        return new dev.moeadvisor.law.MoeLossModel(m.dense(), m.el().withIntercepts(m.el().a(), m.el().d(), named),
                m.rStar());
    }

    private FitRequest withDefaults(FitRequest r) {
        if (r.dataset() == null || r.dataset().isBlank()) {
            throw new InvalidFitRequestException("dataset", "give the data set's id");
        }
        if (r.metric() == null || r.metric().isBlank()) {
            throw new InvalidFitRequestException("metric", "give the metric to fit (one per fit)");
        }
        int bootstrap = r.bootstrap() != null ? r.bootstrap() : config.fit().bootstrap();
        if (bootstrap < 0 || bootstrap > config.fit().maxBootstrap()) {
            throw new InvalidFitRequestException("bootstrap", "must lie in [0, " + config.fit().maxBootstrap() + "]");
        }
        admission.checkMode(r.looMode());
        return new FitRequest(r.dataset(), r.metric(), r.filter(), r.pinned(),
                r.seed() != null ? r.seed() : config.fit().defaultSeed(), bootstrap, r.priors(), r.priorSet(),
                r.joint(), r.looMode(), r.sources());
    }

    private FitProblem problem(FitRequest r) {
        List<TrainingRun> all = datasets.runs(r.dataset());
        if (all.stream().noneMatch(run -> run.metric().equals(r.metric()))) {
            throw new InvalidFitRequestException("metric", "data set '" + r.dataset() + "' has no runs with metric '"
                    + r.metric() + "'");
        }
        FitRequest.RunFilter f = r.filter();
        List<TrainingRun> selected = all.stream().filter(run -> run.metric().equals(r.metric()))
                .filter(run -> f.tables().isEmpty() || (run.table() != null && f.tables().contains(run.table())))
                .filter(run -> f.kinds().isEmpty() || f.kinds().contains(run.kind().label()))
                .filter(run -> f.runIds().isEmpty() || f.runIds().contains(run.runId()))
                .toList();
        if (selected.isEmpty()) {
            throw new InvalidFitRequestException("filter", "no run of metric '" + r.metric() + "' passes the filter");
        }
        FitOptions options = admission.withLeaveOneOut(FitOptions.defaults().withSeed(r.seed())
                .withBootstrapResamples(r.bootstrap()).withStartGridSize(config.fit().starts()), r.looMode(),
                selected.size());
        Map<FitParameter, Double> pins = new EnumMap<>(FitParameter.class);
        pins.putAll(FitParameter.defaultPins());
        try {
            pins.putAll(FitProblem.parsePins(r.pinned()));
        } catch (InvalidFitProblemException e) {
            throw new InvalidFitRequestException("pinned", e.getMessage());
        }
        Map<FitParameter, Prior> priors = FitPriors.resolve(r, pins);
        try {
            return FitProblem.of(selected, r.pinned(), options).withPriors(priors)
                    .withHeldOutRuns(heldOut(all, selected, r.metric()))
                    .withElObservations(JointSources.observations(r, pins, datasets))
                    .withDenseSources(JointSources.ownLevel(r, pins, datasets));
        } catch (InvalidFitProblemException e) {
            throw new InvalidFitRequestException(r.pinned().isEmpty() ? "filter" : "pinned", e.getMessage());
        }
    }

    /**
     * The held-out test of a fit: the data set's runs of the same metric, with a token count, that the filter left
     * out (for the default fit, [ER] Tables 14–17, the data-reuse runs, and the runs of Tables 9–13 outside its
     * domain).
     */
    private static List<TrainingRun> heldOut(List<TrainingRun> all, List<TrainingRun> selected, String metric) {
        java.util.Set<String> fitted = new java.util.HashSet<>();
        selected.forEach(run -> fitted.add(run.runId()));
        return all.stream().filter(run -> run.metric().equals(metric) && run.hasTokens())
                .filter(run -> !fitted.contains(run.runId())).toList();
    }

    private long create(FitRequest request, String hash, FitProblem problem) {
        FitEntity e = new FitEntity();
        e.dataset = datasets.entity(request.dataset());
        e.metric = request.metric();
        e.requestJson = StoredJson.write(request);
        e.requestHash = hash;
        e.isDefault = request.equals(defaultRequest());
        e.status = FitEntity.Status.RUNNING;
        e.seed = request.seed();
        e.runCount = problem.points().size();
        e.runsHash = problem.dataHash();
        e.createdAt = OffsetDateTime.now(clock);
        e.owner = instance.id();
        e.heartbeatAt = e.createdAt;
        fits.persist(e);
        return e.id;
    }

    private void run(long id, FitProblem problem) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "done";
        try {
            AtomicBoolean cancel = cancellations.getOrDefault(id, new AtomicBoolean());
            // Reported progress never moves backwards, whatever the stages report.
            FitResult result = new LossModelFitter().fit(problem,
                    (stage, done, total, overall) -> progress.merge(id, overall, Math::max), cancel::get);
            finish(id, FitEntity.Status.DONE, null, StoredJson.write(result));
        } catch (FitCancelledException e) {
            outcome = "cancelled";
            finish(id, FitEntity.Status.CANCELLED, "cancelled on request, " + e.getMessage(), null);
        } catch (FitDidNotConvergeException | InvalidFitProblemException e) {
            outcome = "failed";
            finish(id, FitEntity.Status.FAILED, e.getMessage(), null);
        } catch (RuntimeException e) {
            outcome = "error";
            LOG.errorf(e, "fit %d failed", id);
            finish(id, FitEntity.Status.FAILED, "the fit failed unexpectedly; the error has been logged", null);
        } finally {
            sample.stop(Timer.builder("advisor.fits").description("fits run (count and time)")
                    .tag("outcome", outcome).register(meters));
            // Not removed: a reader that saw the fit RUNNING just before it ended still reads its last progress,
            // not 0; the entry goes when a reader sees the fit ended (view).
            progress.put(id, 1.0);
            cancellations.remove(id);
            slots.release();
        }
    }

    private void finish(long id, FitEntity.Status status, String message, String resultJson) {
        QuarkusTransaction.requiringNew().run(() -> {
            FitEntity e = fits.findById(id);
            if (e == null || (e.status == FitEntity.Status.CANCELLED && status != FitEntity.Status.CANCELLED)) {
                return; // deleted with its data set, or cancelled through another instance: nothing to record
            }
            e.status = status;
            e.message = message;
            e.resultJson = resultJson;
            e.progress = 1.0;
            e.finishedAt = OffsetDateTime.now(clock);
        });
    }

    private FitView view(FitEntity e) {
        FitRequest request = StoredJson.read(e.requestJson, FitRequest.class);
        FitResult result = e.status == FitEntity.Status.DONE ? StoredJson.read(e.resultJson, FitResult.class) : null;
        List<FitPoint> points = result == null ? List.of() : problem(request).points();
        double p = 1.0;
        if (e.status == FitEntity.Status.RUNNING) {
            p = progress.getOrDefault(e.id, 0.0);
        } else {
            progress.remove(e.id);
        }
        return new FitView(e.id, request, e.isDefault, e.status.name(), p, e.message, e.createdAt, e.finishedAt,
                result, points);
    }
}
