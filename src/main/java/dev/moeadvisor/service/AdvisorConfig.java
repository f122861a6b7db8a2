package dev.moeadvisor.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The advisor's settings ({@code advisor.*} in application.properties, or {@code ADVISOR_*} environment
 * variables). Defaults are documented here once and listed in the README.
 */
@ConfigMapping(prefix = "advisor")
public interface AdvisorConfig {

    Upload upload();

    Fit fit();

    Http http();

    Recovery recovery();

    /** Crash recovery: heartbeats of running work, and when silence means the owner is dead. */
    interface Recovery {
        /** How often an instance refreshes the heartbeat of its running work and looks for abandoned work. */
        @WithDefault("3s")
        Duration heartbeat();

        /** Running work whose heartbeat is older than this belongs to a dead instance (failed or taken over). */
        @WithDefault("15s")
        Duration staleAfter();
    }

    /** HTTP limits. */
    interface Http {
        /** Largest request body, in bytes; a larger one is refused with 413. */
        @WithDefault("10000000")
        long maxBodyBytes();
    }

    /** Limits on uploaded run data. */
    interface Upload {
        /** Most runs in one upload. */
        @WithDefault("10000")
        int maxRows();

        /** Largest upload, in bytes (characters for the API's text body); larger ones are refused with a message. */
        @WithDefault("5000000")
        long maxBytes();
    }

    /** Fit defaults and limits. */
    interface Fit {
        /** Seed used when a fit request gives none (the fit core's default, {@code FitOptions.DEFAULT_SEED}). */
        @WithDefault("20250612")
        long defaultSeed();

        /** Bootstrap resamples when a fit request gives none. */
        @WithDefault("200")
        int bootstrap();

        /** Most bootstrap resamples a request may ask for. */
        @WithDefault("2000")
        int maxBootstrap();

        /** Starting points of the multi-start grid. */
        @WithDefault("32")
        int starts();

        /** Fits over more runs × resamples than this run in the background (202 + status URL). */
        @WithDefault("40000")
        long backgroundAbove();

        /** Fits that may run at once; one more is refused with 429. */
        @WithDefault("2")
        int maxConcurrent();

        /**
         * Most work a fit may ask for, in run-optimisations: runs × (starts + bootstrap resamples + leave-one-out
         * refits) ({@code fit.FitWork}); more is refused with 422 before anything is computed. 5,000,000 is about
         * 1–2 minutes of one core on large data sets (README, Performance).
         */
        @WithDefault("5000000")
        long maxWork();

        /** Fits of up to this many runs leave every run out in turn by default; larger ones a sample. */
        @WithDefault("200")
        int looFullMaxRuns();

        /** Runs left out (each refitted once) by a subsampled leave-one-out. */
        @WithDefault("100")
        int looSample();

        /** Compute the default fit of the bundled runs at start-up. */
        @WithDefault("true")
        boolean defaultAtStartup();
    }

    Plan plan();

    Sweep sweep();

    Plans plans();

    /** Limits on one plan (and on each budget of a sweep). */
    interface Plan {
        /** Most grid shapes a plan may search ({@code plan.GridEstimate}); larger plans are refused with 422. */
        @WithDefault("2000000")
        long maxShapes();

        /** Wall-clock time a plan may take; past it the search stops (503). */
        @WithDefault("10s")
        java.time.Duration deadline();

        /** Plans and sweeps that may run at once (default: twice the processors); beyond them they queue. */
        java.util.Optional<Integer> maxConcurrent();

        /** Plans and sweeps that may wait for a running one to finish; one more is refused with 429 at once. */
        @WithDefault("64")
        int maxQueued();

        /** Longest wait for a running plan to finish; past it the waiting plan is refused with 429. */
        @WithDefault("5s")
        java.time.Duration queueWait();
    }

    /** Limits on a sweep. */
    interface Sweep {
        /** Most grid shapes of all budgets together; larger sweeps are refused with 422. */
        @WithDefault("50000000")
        long maxShapes();

        /** Wall-clock time a sweep may take (its work budget takes about 6 s of CPU); past it the sweep stops (503). */
        @WithDefault("60s")
        java.time.Duration deadline();
    }

    /** Retention of saved plans, enforced a little at every save. */
    interface Plans {
        /** Saved plans older than this many days are deleted. */
        @WithDefault("90")
        int retentionDays();

        /** Most saved plans kept; the oldest beyond it are deleted. */
        @WithDefault("100000")
        long maxCount();
    }
}
