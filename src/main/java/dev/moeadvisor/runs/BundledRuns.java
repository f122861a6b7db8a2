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
    /**
     * Tian et al., arXiv 2507.17702, Table 3: Ling-mini-beta and Dense-6.1B on the same 1T tokens, reported at matched
     * loss (metric {@code matched_loss}: the value is a tie marker, only the equality is data).
     */
    public static final String LING_2025_TABLE3 = "/data/runs/ling-2025-table3.csv";
    /** Dai et al., arXiv 2401.06066, Table 1: Dense, Hash Layer, Switch, GShard and DeepSeekMoE on 100B tokens (Pile loss). */
    public static final String DEEPSEEKMOE_2024_TABLE1 = "/data/runs/deepseekmoe-2024-table1.csv";

    /**
     * A bundled, read-only data set: its id, name, description, citation and run file.
     *
     * @param slug        the data set's id
     * @param name        its name
     * @param description what its runs are
     * @param citation    the paper, with its arXiv id and table
     * @param resource    the run file on the classpath
     */
    public record Source(String slug, String name, String description, String citation, String resource) {
        public List<TrainingRun> runs() {
            return read(resource);
        }
    }

    /** The independent sources bundled beside [ER] (arXiv 2506.12119), in load order. */
    public static final List<Source> INDEPENDENT = List.of(
            new Source("ling-2025-table3", "Ling-mini-beta vs Dense-6.1B (Tian et al., 2025)",
                    "The validation pair of the Ling EL law: a 0.85B-active MoE and a 6.1B dense model trained on the "
                            + "same 1T tokens reach matched loss. Only the tie is data (metric matched_loss).",
                    "Tian, Chen, Liu, Liu, Zhang, Zhou, Towards Greater Leverage: Scaling Laws for Efficient "
                            + "Mixture-of-Experts Language Models, arXiv 2507.17702, Table 3", LING_2025_TABLE3),
            new Source("deepseekmoe-2024-table1", "DeepSeekMoE 2B validation runs (Dai et al., 2024)",
                    "Dense 0.2B and four 2B-total MoE variants (Hash Layer, Switch, GShard, DeepSeekMoE), 100B tokens, "
                            + "Pile loss.", "Dai et al., DeepSeekMoE: Towards Ultimate Expert Specialization in "
                            + "Mixture-of-Experts Language Models, arXiv 2401.06066, Table 1", DEEPSEEKMOE_2024_TABLE1));

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
