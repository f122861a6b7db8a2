package dev.moeadvisor.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * A readiness check that, only while {@link #failing} is set by {@link HealthApiTest}, throws the kind of exception
 * a broken database gives (class name and SQL in its message); otherwise UP.
 */
@Readiness
@ApplicationScoped
public class FailingReadinessForTests implements HealthCheck {
    static volatile boolean failing;
    static final String SECRET = "could not execute statement [insert into plan (id) values (?)] /var/lib/secret";

    @Override
    public HealthCheckResponse call() {
        if (failing) {
            throw new IllegalStateException(SECRET, new java.sql.SQLException("SQL state 53100: disk full"));
        }
        return HealthCheckResponse.up("test-only-check");
    }
}
