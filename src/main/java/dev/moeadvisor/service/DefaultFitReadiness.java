package dev.moeadvisor.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the default fit of the bundled runs is stored (plans rank with it by default). The database itself
 * is checked by {@link DatabaseReadiness}.
 */
@Readiness
@ApplicationScoped
public class DefaultFitReadiness implements HealthCheck {

    @Inject
    FitService fits;
    @Inject
    AdvisorConfig config;

    @Override
    public HealthCheckResponse call() {
        if (!config.fit().defaultAtStartup()) {
            return HealthCheckResponse.up("default-fit");
        }
        // name and status only: health output is public
        return fits.defaultFit().isPresent() ? HealthCheckResponse.up("default-fit")
                : HealthCheckResponse.down("default-fit");
    }
}
