package dev.moeadvisor.runs;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The JSON form goes through the same rules as the CSV form. */
class RunValidatorTest {

    private static RunInput moe(String metric, Integer experts, Integer topK) {
        return new RunInput(null, null, "moe", null, null, null, null, 1.14e11, null, null, null, null, 16, 1, null,
                1408, 3904, 11, null, experts, topK, 352, 352, null, null, null, null, metric, 0.52, null);
    }

    @Test
    void jsonRunsAreValidatedWithPositionsAsLines() {
        RunValidator v = new RunValidator(RunRules.upload(10));
        List<RunDataError> e = assertThrows(RunDataException.class, () -> v.validate(List.of(
                moe("val_bpc", 89, 1), moe("val_bpc", 8, 9), moe("train_loss", 89, 1)))).errors();
        assertEquals(List.of(new RunDataError(2, "top_k", e.get(0).message()),
                new RunDataError(3, "metric", e.get(1).message())), e);
    }

    @Test
    void emptyListIsRefused() {
        RunValidator v = new RunValidator(RunRules.upload(10));
        assertEquals(1, assertThrows(RunDataException.class, () -> v.validate(List.of())).errors().size());
    }

    @Test
    void aNullRunIsReportedAtItsPosition() {
        RunValidator v = new RunValidator(RunRules.upload(10));
        List<RunDataError> e = assertThrows(RunDataException.class,
                () -> v.validate(java.util.Arrays.asList(moe("val_bpc", 89, 1), null))).errors();
        assertEquals(List.of(new RunDataError(2, "", "a run must be an object, not null")), e);
    }

    @Test
    void validJsonRunsGetTheCsvDefaults() {
        TrainingRun run = new RunValidator(RunRules.upload(10)).validate(List.of(moe("val_bpc", 89, 1))).get(0);
        assertEquals("run-1", run.runId());
        assertEquals(2048, run.seqLen());
        assertEquals(128, run.dHead());
    }

    @Test
    void aTrainingRunCannotBeBuiltInvalid() {
        TrainingRun good = new RunValidator(RunRules.upload(10)).validate(List.of(moe("val_bpc", 89, 1))).get(0);
        RunDataException e = assertThrows(RunDataException.class, () -> new TrainingRun(good.runId(), null,
                RunKind.MOE, null, null, null, null, 1e11, null, null, null, 2048, 16, 1, null, 1408, 3904, 11, 128,
                8, 9, 352, 0, null, null, null, null, "val_bpc", 0.5, null));
        assertEquals("top_k", e.errors().get(0).column());
    }
}
