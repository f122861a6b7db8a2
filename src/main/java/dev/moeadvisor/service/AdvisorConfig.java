package dev.moeadvisor.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The advisor's settings ({@code advisor.*} in application.properties, or {@code ADVISOR_*} environment
 * variables). Defaults are documented here once and listed in the README.
 */
@ConfigMapping(prefix = "advisor")
public interface AdvisorConfig {

    Upload upload();

    Fit fit();

    Http http();

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

        /** Plans and sweeps that may run at once (default: twice the processors); one more is refused with 429. */
        java.util.Optional<Integer> maxConcurrent();
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
