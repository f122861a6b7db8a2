package dev.moeadvisor.service;

import dev.moeadvisor.runs.BundledRuns;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** At start: load the bundled runs once, then make sure the default fit exists (computed in the background). */
@ApplicationScoped
public class StartupLoader {
    private static final Logger LOG = Logger.getLogger(StartupLoader.class);

    @Inject
    DatasetService datasets;
    @Inject
    FitService fits;
    @Inject
    AdvisorConfig config;

    void onStart(@Observes StartupEvent event) {
        try {
            if (datasets.ensureBundled()) {
                LOG.infof("loaded the bundled data set %s", DatasetService.BUNDLED_SLUG);
            }
        } catch (RuntimeException e) {
            // Another instance sharing the database loaded it at the same moment: its unique slug refused ours,
            // and our transaction rolled back whole. Anything else is a real failure.
            if (!datasets.bundledPresent()) {
                throw e;
            }
            LOG.infof("another instance loaded the bundled data set %s", DatasetService.BUNDLED_SLUG);
        }
        for (BundledRuns.Source source : BundledRuns.INDEPENDENT) {
            try {
                if (datasets.ensureBundled(source)) {
                    LOG.infof("loaded the bundled data set %s", source.slug());
                }
            } catch (RuntimeException e) {
                // as above: another instance may have stored it at the same moment; anything else is a failure
                if (!datasets.stored(source.slug())) {
                    throw e;
                }
                LOG.infof("another instance loaded the bundled data set %s", source.slug());
            }
        }
        if (config.fit().defaultAtStartup()) {
            fits.ensureDefaultFit();
        }
    }
}
