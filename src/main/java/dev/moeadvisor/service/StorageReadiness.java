package dev.moeadvisor.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the database does not take writes (full disk or read-only, {@link StorageHealth}): a load
 * balancer then stops sending writes that would fail. Name and status only.
 */
@Readiness
@ApplicationScoped
public class StorageReadiness implements HealthCheck {

    @Inject
    StorageHealth storage;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("storage").status(storage.check().isEmpty()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("storage").down().build();
        }
    }
}
