package dev.moeadvisor.it;

import java.nio.file.Path;
import java.util.Map;

/**
 * The database an integration test points the packaged advisor at: an H2 file in a fresh folder (with
 * {@code AUTO_SERVER}, so that several JVMs can share it, and the shipped {@code WRITE_DELAY=0}; H2 refuses {@code DB_CLOSE_ON_EXIT=FALSE} with it), or — when {@code ADVISOR_IT_DB_URL_PREFIX} is set, as in
 * CI's PostgreSQL pass — the database {@code <prefix><name>}, which CI creates empty.
 */
final class ItDatabase {
    /**
     * How long a request may wait for a database connection. Two JVMs booting at once on a busy 2-core machine
     * (one computing the default fit, the other reaching H2 through the first one's AUTO_SERVER socket) took longer
     * than the production default; the tests check behaviour, not speed.
     */
    static final String ACQUISITION = "60S";
    private ItDatabase() {
    }

    static Map<String, String> env(String name, Path folder) {
        String prefix = System.getenv("ADVISOR_IT_DB_URL_PREFIX");
        if (prefix == null || prefix.isBlank()) {
            return Map.of("ADVISOR_DB_URL", "jdbc:h2:file:" + folder.toAbsolutePath()
                    + "/advisor;AUTO_SERVER=TRUE;WRITE_DELAY=0", "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", ACQUISITION);
        }
        return Map.of("ADVISOR_DB_URL", prefix + name,
                "ADVISOR_DB_USER", System.getenv().getOrDefault("ADVISOR_IT_DB_USER", "advisor"),
                "ADVISOR_DB_PASSWORD", System.getenv().getOrDefault("ADVISOR_IT_DB_PASSWORD", "advisor"),
                "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", ACQUISITION);
    }

    /**
     * As {@link #env}, except that on H2 no database URL is given: the advisor then uses its shipped default, an H2
     * file under {@code ./db} of its working folder (start it in {@code folder}).
     */
    static Map<String, String> envOrShippedDefault(String name, Path folder) {
        String prefix = System.getenv("ADVISOR_IT_DB_URL_PREFIX");
        return prefix == null || prefix.isBlank() ? Map.of() : env(name, folder);
    }
}
