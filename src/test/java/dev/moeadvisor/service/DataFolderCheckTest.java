package dev.moeadvisor.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pre-start check of the H2 database folder. (A folder the user may not write is what a root-owned bind mount
 * gives; the container smoke test runs that case, as uid 1001. Tests here may run as root, who may write anything,
 * so the unwritable case is a folder path taken by a file, which no user can create.)
 */
class DataFolderCheckTest {

    @Test
    void aWritableOrMissingFolderPasses(@TempDir Path dir) {
        assertEquals(Optional.empty(), DataFolderCheck.problem(Map.of("ADVISOR_DB_URL",
                "jdbc:h2:file:" + dir.resolve("new/sub/advisor") + ";WRITE_DELAY=0")));
        assertTrue(Files.isDirectory(dir.resolve("new/sub")), "the folder is created");
    }

    @Test
    void otherDatabasesAreNotChecked() {
        assertEquals(Optional.empty(), DataFolderCheck.problem(Map.of("ADVISOR_DB_URL", "jdbc:postgresql://db/advisor")));
        assertEquals(Optional.empty(), DataFolderCheck.problem(Map.of("ADVISOR_DB_URL", "jdbc:h2:mem:x")));
        assertEquals(Optional.empty(), DataFolderCheck.problem(Map.of()));
    }

    @Test
    void aFolderThatCannotBeCreatedSaysWhatToDo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("taken"), "a file where the folder should be");
        String message = DataFolderCheck.problem(Map.of("QUARKUS_DATASOURCE_JDBC_URL",
                "jdbc:h2:file:" + dir.resolve("taken/advisor"))).orElseThrow();
        assertTrue(message.contains("cannot write its database folder " + dir.resolve("taken")), message);
        assertTrue(message.contains("chown -R 1001:1001"), message);
        assertTrue(message.contains("FileAlreadyExistsException"), message);
    }
}
