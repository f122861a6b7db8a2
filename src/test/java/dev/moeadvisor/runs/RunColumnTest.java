package dev.moeadvisor.runs;

import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The JSON form and the run record name their fields like the CSV columns, in the same order: a binder with a
 * snake_case naming strategy maps {@code nTotal} to {@code n_total}, so errors name the field the user sent.
 */
class RunColumnTest {

    private static List<String> snakeCase(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                .map(n -> n.replaceAll("([A-Z])", "_$1").toLowerCase()).toList();
    }

    @Test
    void inputAndRunComponentsFollowTheColumns() {
        List<String> headers = Arrays.stream(RunColumn.values()).map(RunColumn::header).toList();
        assertEquals(headers, snakeCase(RunInput.class));
        assertEquals(headers, snakeCase(TrainingRun.class));
    }
}
