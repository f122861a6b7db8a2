package dev.moeadvisor.it;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The packaged advisor ({@code target/quarkus-app/quarkus-run.jar}) started as a separate JVM on a free loopback
 * port, as an operator would run it. Every JVM started here is killed when its test closes it, and otherwise (a
 * test that failed before closing it, Maven interrupted) by a shutdown hook of the test JVM, so that none outlives
 * the build. Readiness is awaited by polling {@code /q/health/ready}, with a generous overall timeout for busy
 * machines ({@code -Dadvisor.it.ready-timeout=PT5M}).
 */
public final class PackagedApp implements AutoCloseable {

    private static final Set<Process> STARTED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(Process::destroyForcibly),
                "kill-packaged-advisors"));
    }

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar with the given environment and waits until {@code /q/health/ready} answers 200. */
    public static PackagedApp start(Map<String, String> env, Path logFile) throws Exception {
        PackagedApp app = launch(env, logFile, null);
        app.awaitReady();
        return app;
    }

    /**
     * Starts the jar without waiting for readiness, in {@code workDir} when not null (the default database URL is
     * relative: {@code ./db/advisor}).
     */
    public static PackagedApp launch(Map<String, String> env, Path logFile, Path workDir) throws IOException {
        String jar = Path.of(System.getProperty("advisor.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath()
                .toString();
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        pb.environment().putAll(env);
        pb.environment().put("PORT", Integer.toString(port));
        Process process = pb.start();
        STARTED.add(process);
        return new PackagedApp(process, port, logFile);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code /q/health/ready} answers 200; kills the JVM and fails when it exits or times out. */
    public void awaitReady() throws Exception {
        Duration timeout = Duration.parse(System.getProperty("advisor.it.ready-timeout", "PT5M"));
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                STARTED.remove(process);
                throw new IllegalStateException("the advisor exited (" + process.exitValue() + "): " + Files.readString(log));
            }
            if (status("/q/health/ready") == 200) {
                return;
            }
            Thread.sleep(250);
        }
        kill();
        throw new IllegalStateException("the advisor was not ready within " + timeout + ": " + Files.readString(log));
    }

    /** The HTTP status of a GET, or -1 while nothing listens. */
    public int status(String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(baseUrl() + path).toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(10_000);
            try {
                return c.getResponseCode();
            } finally {
                c.disconnect();
            }
        } catch (IOException notYet) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Kills the JVM at once (SIGKILL: {@link Process#destroyForcibly()} on Linux), as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        STARTED.remove(process);
    }

    /**
     * Stops the JVM gracefully (SIGTERM), as a container runtime would; the time it took. Killed after 30 s.
     */
    public Duration stop() throws InterruptedException {
        Instant t0 = Instant.now();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
        STARTED.remove(process);
        return Duration.between(t0, Instant.now());
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
