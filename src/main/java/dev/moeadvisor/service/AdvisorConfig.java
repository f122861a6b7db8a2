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
}
