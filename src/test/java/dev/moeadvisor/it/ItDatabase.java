package dev.moeadvisor.it;

import java.nio.file.Path;
import java.util.Map;

/**
 * The database an integration test points the packaged advisor at: an H2 file in a fresh folder (with
 * {@code AUTO_SERVER}, so that several JVMs can share it), or — when {@code ADVISOR_IT_DB_URL_PREFIX} is set, as in
 * CI's PostgreSQL pass — the database {@code <prefix><name>}, which CI creates empty.
 */
final class ItDatabase {
    private ItDatabase() {
    }

    static Map<String, String> env(String name, Path folder) {
        String prefix = System.getenv("ADVISOR_IT_DB_URL_PREFIX");
        if (prefix == null || prefix.isBlank()) {
            return Map.of("ADVISOR_DB_URL", "jdbc:h2:file:" + folder.toAbsolutePath() + "/advisor;AUTO_SERVER=TRUE");
        }
        return Map.of("ADVISOR_DB_URL", prefix + name,
                "ADVISOR_DB_USER", System.getenv().getOrDefault("ADVISOR_IT_DB_USER", "advisor"),
                "ADVISOR_DB_PASSWORD", System.getenv().getOrDefault("ADVISOR_IT_DB_PASSWORD", "advisor"));
    }
}
