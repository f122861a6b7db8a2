package dev.moeadvisor.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Ready while a database connection can be had and is valid. Health output is public: it names the check and says
 * UP or DOWN, nothing else; why it is down (driver messages can hold SQL and paths) goes to the log.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class);
    static final String NAME = "database";

    @Inject
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection c = dataSource.getConnection()) {
            if (c.isValid(2)) {
                return HealthCheckResponse.up(NAME);
            }
            LOG.warn("readiness: the database connection is not valid");
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("readiness: no database connection: %s", e.toString());
        }
        return HealthCheckResponse.down(NAME);
    }
}
