package dev.moeadvisor.web.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Small run files for the page tests, copied from the bundled runs (arXiv 2506.12119, Tables 9, 12 and 13). */
public final class TestRunFiles {

    /** Validation-BPC runs: 2B and 7B MoE sweeps on unique data and dense baselines, with n_total and n_active. */
    public static final Set<String> SMALL_VAL_BPC = Set.of("er-t9-1", "er-t9-4", "er-t9-5", "er-t9-9", "er-t9-10",
            "er-t9-14", "er-t9-15", "er-t9-17", "er-t12-1", "er-t12-5", "er-t12-8", "er-t13-1", "er-t13-2",
            "er-t13-4");

    private TestRunFiles() {
    }

    /** The header and the rows of {@link #SMALL_VAL_BPC}, as a CSV file's text. */
    public static String smallValBpcCsv() {
        List<String> lines = bundledLines();
        return lines.get(0) + "\n" + lines.stream().skip(1)
                .filter(l -> SMALL_VAL_BPC.contains(l.substring(0, l.indexOf(','))))
                .collect(Collectors.joining("\n")) + "\n";
    }

    private static List<String> bundledLines() {
        try (InputStream in = TestRunFiles.class.getResourceAsStream("/data/runs/equal-resources-2025.csv")) {
            if (in == null) {
                throw new IllegalStateException("bundled runs not on the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
