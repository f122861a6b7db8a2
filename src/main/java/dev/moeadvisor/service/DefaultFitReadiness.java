package dev.moeadvisor.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the default fit of the bundled runs is stored (plans rank with it by default). The database itself
 * is checked by the datasource's own readiness check.
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
            return HealthCheckResponse.named("default-fit").up().withData("computed", "disabled").build();
        }
        return fits.defaultFit()
                .map(m -> HealthCheckResponse.named("default-fit").up().withData("fit", m.id()).build())
                .orElseGet(() -> HealthCheckResponse.named("default-fit").down()
                        .withData("state", "being computed").build());
    }
}
