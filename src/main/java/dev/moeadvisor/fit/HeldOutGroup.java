package dev.moeadvisor.fit;

import dev.moeadvisor.runs.TrainingRun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One group of a fit's held-out runs and its RMSE, so that tests of different kinds are never averaged into one
 * figure. A held-out run's group says why the fit never saw it:
 * <ul>
 *   <li>{@code "Tables 9–13, not selected"} — a run of a table the fit drew its runs from that the filter left out
 *       (for the default fit: the runs outside its domain, top-1 routing or G outside [2, 16]);</li>
 *   <li>{@code "Tables 14–17"} — the runs of tables the fit never drew from (for the default fit: the reuse
 *       tables of arXiv 2506.12119), the tables listed as ranges;</li>
 *   <li>{@code "no table"} — runs without a table number; {@link #UNLABELLED} for points given without runs.</li>
 * </ul>
 *
 * @param group the label
 * @param runs  how many held-out runs it has
 * @param rmse  root-mean-square of {@code predicted − observed} over them, in the fit's metric
 */
public record HeldOutGroup(String group, int runs, double rmse) {

    /** The group of held-out points given without their runs, and of results stored before groups existed. */
    public static final String UNLABELLED = "held out";

    /** The groups of held-out residuals, in order of first appearance; a residual without a group is {@link #UNLABELLED}. */
    public static List<HeldOutGroup> of(List<RunResidual> heldOut) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (RunResidual r : heldOut) {
            double[] s = sums.computeIfAbsent(r.group() == null ? UNLABELLED : r.group(), g -> new double[2]);
            s[0] += r.residual() * r.residual();
            s[1]++;
        }
        List<HeldOutGroup> out = new ArrayList<>();
        sums.forEach((g, s) -> out.add(new HeldOutGroup(g, (int) s[1], Math.sqrt(s[0] / s[1]))));
        return List.copyOf(out);
    }

    /** Per held-out run (same order), its group, given the tables of the fitted runs. */
    static List<String> labels(List<TrainingRun> heldOut, Set<Integer> fittedTables) {
        Set<Integer> other = new TreeSet<>();
        for (TrainingRun r : heldOut) {
            if (r.table() != null && !fittedTables.contains(r.table())) {
                other.add(r.table());
            }
        }
        String selected = tables(new TreeSet<>(fittedTables)) + ", not selected";
        String others = tables(other);
        List<String> labels = new ArrayList<>();
        for (TrainingRun r : heldOut) {
            labels.add(r.table() == null ? "no table" : fittedTables.contains(r.table()) ? selected : others);
        }
        return labels;
    }

    /** {@code "Table 14"}, {@code "Tables 14–17"}, {@code "Tables 3, 5, 14–17"}. */
    static String tables(Set<Integer> sorted) {
        List<String> parts = new ArrayList<>();
        Integer start = null;
        Integer prev = null;
        for (int t : sorted) {
            if (prev != null && t == prev + 1) {
                prev = t;
                continue;
            }
            if (start != null) {
                parts.add(start.equals(prev) ? Integer.toString(start) : start + "–" + prev);
            }
            start = t;
            prev = t;
        }
        if (start != null) {
            parts.add(start.equals(prev) ? Integer.toString(start) : start + "–" + prev);
        }
        return (sorted.size() == 1 ? "Table " : "Tables ") + String.join(", ", parts);
    }
}
