package dev.moeadvisor.service;

import dev.moeadvisor.store.FitLeases;
import dev.moeadvisor.store.StartupClaims;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Recovery from crashed instances, for one instance or several sharing a database. Every
 * {@code advisor.recovery.heartbeat} this instance refreshes the heartbeat of the work it owns (running fits, the
 * default-fit claim), stops the fits it runs that another instance cancelled ({@link FitService#pollCancellations}),
 * marks failed every running fit whose heartbeat is older than
 * {@code advisor.recovery.stale-after} (its instance died: "interrupted by a restart"), and, until the default fit
 * is stored, takes over a dead owner's claim on it ({@link FitService#ensureDefaultFit}), so that readiness turns
 * UP without a manual restart. On shutdown it stops, marks its own running fits failed and releases its claims.
 */
@ApplicationScoped
public class WorkRecovery {
    private static final Logger LOG = Logger.getLogger(WorkRecovery.class);
    /** The message of a fit whose instance died (stopped answering) while it ran. */
    public static final String ABANDONED = "interrupted by a restart: the instance running it stopped answering";
    /** The message of a fit whose instance was shut down while it ran. */
    public static final String STOPPED = "interrupted by a restart: the instance running it was shut down";

    @Inject
    FitLeases leases;
    @Inject
    StartupClaims claims;
    @Inject
    FitService fits;
    @Inject
    InstanceId instance;
    @Inject
    AdvisorConfig config;
    @Inject
    Clock clock;

    private ScheduledExecutorService timer;
    private volatile boolean defaultFitStored;

    /**
     * Runs after {@link StartupLoader} (which loads the bundled runs and starts the default fit, or finds it claimed):
     * abandoned fits first, then a check every beat.
     */
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        failAbandoned();
        defaultFitStored = !config.fit().defaultAtStartup();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "work-recovery");
            t.setDaemon(true);
            return t;
        });
        long beat = config.recovery().heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::tick, beat, beat, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            OffsetDateTime now = OffsetDateTime.now(clock);
            int stopped = QuarkusTransaction.requiringNew().call(() -> leases.failOwned(instance.id(), now, STOPPED));
            QuarkusTransaction.requiringNew().run(() -> claims.releaseAll(instance.id()));
            if (stopped > 0) {
                LOG.infof("stopping: %d running fit(s) marked '%s'", stopped, STOPPED);
            }
        } catch (RuntimeException e) {
            LOG.warnf("stopping: could not mark running fits as interrupted (%s); the next instance will", e.toString());
        }
    }

    /** One beat: heartbeats, abandoned fits, the default fit. A failure is logged and retried at the next beat. */
    void tick() {
        try {
            OffsetDateTime now = OffsetDateTime.now(clock);
            QuarkusTransaction.requiringNew().run(() -> {
                leases.beat(instance.id(), now);
                claims.beat(instance.id(), now);
            });
            int cancelled = fits.pollCancellations();
            if (cancelled > 0) {
                LOG.infof("%d running fit(s) cancelled through another instance: stopping them", cancelled);
            }
            failAbandoned();
            if (!defaultFitStored) {
                defaultFitStored = fits.ensureDefaultFit();
            }
        } catch (RuntimeException e) {
            LOG.warnf("recovery check failed, retried in %s: %s", config.recovery().heartbeat(), e.toString());
        }
    }

    private void failAbandoned() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime staleBefore = now.minus(config.recovery().staleAfter());
        int failed = QuarkusTransaction.requiringNew().call(() -> leases.failAbandoned(staleBefore, now, ABANDONED));
        if (failed > 0) {
            LOG.infof("%d fit(s) left running by an instance that stopped answering marked '%s'", failed, ABANDONED);
        }
    }
}
