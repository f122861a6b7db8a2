package dev.moeadvisor.runs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The run files shipped with the advisor (Maven resources under {@code data/runs/}, described in
 * {@code data/README.md}).
 */
public final class BundledRuns {

    /** Li, Lo et al., arXiv 2506.12119 v2, Appendix E, Tables 5–17: 120 runs, as printed. */
    public static final String EQUAL_RESOURCES_2025 = "/data/runs/equal-resources-2025.csv";
    /** Generous limit for a bundled file (the uploads' limit is the service's setting). */
    private static final int MAX_ROWS = 100_000;

    private BundledRuns() {
    }

    /** The 120 runs of arXiv 2506.12119 v2, Appendix E (mixed metrics: see the {@code metric} column). */
    public static List<TrainingRun> equalResources2025() {
        return read(EQUAL_RESOURCES_2025);
    }

    /** Reads a bundled run file from the classpath under the reference rules ({@link RunRules#reference}). */
    public static List<TrainingRun> read(String resource) {
        InputStream in = BundledRuns.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no bundled run file " + resource);
        }
        try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return new RunCsvReader(RunRules.reference(MAX_ROWS)).read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
