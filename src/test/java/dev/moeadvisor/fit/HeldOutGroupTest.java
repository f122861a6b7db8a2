package dev.moeadvisor.fit;

import dev.moeadvisor.runs.BundledRuns;
import dev.moeadvisor.runs.TrainingRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Held-out groups: why a fit never saw a run, and one RMSE per group, on hand-computed cases. */
class HeldOutGroupTest {

    @Test
    void tablesAreWrittenAsRanges() {
        assertEquals("Table 14", HeldOutGroup.tables(new TreeSet<>(Set.of(14))));
        assertEquals("Tables 14–17", HeldOutGroup.tables(new TreeSet<>(Set.of(14, 15, 16, 17))));
        assertEquals("Tables 3, 5, 14–17", HeldOutGroup.tables(new TreeSet<>(Set.of(3, 5, 14, 15, 16, 17))));
    }

    @Test
    void eachGroupHasTheRmseOfItsOwnResiduals() {
        // group a: residuals 0.003, −0.004 → √((9 + 16)/2)·1e-3 = 3.5355e-3; group b: 0.001 → 1e-3
        List<HeldOutGroup> g = HeldOutGroup.of(List.of(new RunResidual("x", 1, 1.003, 0.003, Double.NaN, "a"),
                new RunResidual("y", 1, 1.001, 0.001, Double.NaN, "b"),
                new RunResidual("z", 1, 0.996, -0.004, Double.NaN, "a")));
        assertEquals(List.of("a", "b"), g.stream().map(HeldOutGroup::group).toList());
        assertEquals(2, g.get(0).runs());
        assertEquals(Math.sqrt(12.5) * 1e-3, g.get(0).rmse(), 1e-15);
        assertEquals(1e-3, g.get(1).rmse(), 1e-15);
        // a result stored before groups existed: one group
        assertEquals(HeldOutGroup.UNLABELLED, HeldOutGroup.of(List.of(new RunResidual("x", 1, 1.003, 0.003,
                Double.NaN))).get(0).group());
    }

    @Test
    void theDefaultProblemSplitsTheReuseTablesFromTheRunsOutsideItsDomain() {
        FitProblem p = DefaultFitRecipe.problem(FitOptions.defaults());
        List<String> groups = p.heldOutGroups();
        assertEquals(p.heldOut().size(), groups.size());
        var byId = BundledRuns.equalResources2025().stream()
                .collect(java.util.stream.Collectors.toMap(TrainingRun::runId, r -> r));
        for (int i = 0; i < groups.size(); i++) {
            int table = byId.get(p.heldOut().get(i).runId()).table();
            assertEquals(table >= 14 ? "Tables 14–17" : "Tables 9–13, not selected", groups.get(i), "table " + table);
        }
        assertEquals(30, groups.stream().filter("Tables 14–17"::equals).count());
        assertEquals(9, groups.stream().filter("Tables 9–13, not selected"::equals).count());
    }
}
