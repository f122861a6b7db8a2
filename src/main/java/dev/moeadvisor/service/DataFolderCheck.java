package dev.moeadvisor.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Before start: the folder of an H2 file database (given by {@code ADVISOR_DB_URL} or
 * {@code QUARKUS_DATASOURCE_JDBC_URL}) must be writable by the user the advisor runs as. A container volume
 * bind-mounted from a root-owned host folder is not writable by uid 1001; without this check the advisor would
 * exit with the database driver's stack trace. The answer says what to do instead.
 */
final class DataFolderCheck {
    private static final String H2_FILE = "jdbc:h2:file:";

    private DataFolderCheck() {
    }

    /** A message for the operator when the database folder cannot be written; empty when it can (or is not H2). */
    static Optional<String> problem(Map<String, String> env) {
        String url = env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", env.get("ADVISOR_DB_URL"));
        if (url == null || !url.startsWith(H2_FILE)) {
            return Optional.empty();
        }
        int semicolon = url.indexOf(';');
        Path file = Path.of(url.substring(H2_FILE.length(), semicolon < 0 ? url.length() : semicolon)).toAbsolutePath();
        Path folder = file.getParent();
        Path data = file.resolveSibling(file.getFileName() + ".mv.db");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            return Optional.of(message(folder, e.toString()));
        }
        if (!Files.isWritable(folder)) {
            return Optional.of(message(folder, "java.nio.file.AccessDeniedException: " + folder + " is not writable"));
        }
        if (Files.exists(data) && !Files.isWritable(data)) {
            return Optional.of(message(folder, "java.nio.file.AccessDeniedException: " + data + " is not writable"));
        }
        return Optional.empty();
    }

    private static String message(Path folder, String cause) {
        return "MoE Advisor cannot write its database folder " + folder + " (" + cause + ") as uid "
                + uid() + ". Make it writable by that user: for a container volume bind-mounted from the host, "
                + "run `chown -R 1001:1001 <host folder>` (the image runs as 1001:1001) or use a named volume; "
                + "or set ADVISOR_DB_URL to a writable place.";
    }

    private static String uid() {
        try {
            return String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return System.getProperty("user.name");
        }
    }
}
