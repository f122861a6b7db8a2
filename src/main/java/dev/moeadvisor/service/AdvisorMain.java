package dev.moeadvisor.service;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The advisor's entry point: refuses to start, with a message saying what to do, when its H2 database folder is
 * not writable ({@link DataFolderCheck}); otherwise starts Quarkus.
 */
@QuarkusMain
public final class AdvisorMain {
    /** Exit status for a configuration error (sysexits.h {@code EX_CONFIG}). */
    static final int EX_CONFIG = 78;

    private AdvisorMain() {
    }

    public static void main(String... args) {
        var problem = DataFolderCheck.problem(System.getenv());
        if (problem.isPresent()) {
            System.err.println(problem.get());
            System.exit(EX_CONFIG);
        }
        Quarkus.run(args);
    }
}
