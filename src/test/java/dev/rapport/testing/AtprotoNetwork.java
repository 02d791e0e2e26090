package dev.rapport.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real AT Protocol (Bluesky) network on loopback: PLC directory, PDS and AppView from
 * {@code @atproto/dev-env}, run by {@code node tools/atproto-network/network.mjs} (its packages are
 * installed by {@code scripts/test}). One network is started per JVM, on first use, and stopped by
 * a shutdown hook; tests share it, so they create records of their own rather than count what is
 * there.
 *
 * <p>The AppView keeps its data in PostgreSQL: {@code ATPROTO_DB_POSTGRES_URL} (system property or
 * environment variable, e.g. {@code postgresql://rapport:rapport-test@127.0.0.1:55432/atproto}).
 * When the network cannot be started, {@link #get()} throws, so that tests fail rather than skip.
 */
public final class AtprotoNetwork {

    /** An account on the network's PDS: its main password and an app password for Rapport. */
    public record Account(String handle, String did, String password, String appPassword) {}

    static final String DB_URL_VARIABLE = "ATPROTO_DB_POSTGRES_URL";
    static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("rapport.atproto.startTimeoutSeconds", 90));

    private static AtprotoNetwork instance;
    private static RuntimeException failure;

    private final Process process;
    private final Path workDir;
    private final Path logFile;
    private final JsonNode ready;
    private final HttpClient http;

    /** The network of this JVM, started on first use. */
    public static synchronized AtprotoNetwork get() {
        if (failure != null) {
            throw failure;
        }
        if (instance == null) {
            try {
                instance = start();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            AtprotoNetwork started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "atproto-network-stop"));
        }
        return instance;
    }

    private AtprotoNetwork(Process process, Path workDir, Path logFile, JsonNode ready) {
        this.process = process;
        this.workDir = workDir;
        this.logFile = logFile;
        this.ready = ready;
        // Plain HTTP/1.1: the PDS drops connections that try an h2c upgrade.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public String pdsUrl() {
        return ready.get("pdsUrl").asString();
    }

    public String appviewUrl() {
        return ready.get("appviewUrl").asString();
    }

    public String plcUrl() {
        return ready.get("plcUrl").asString();
    }

    public Account alice() {
        return account("alice");
    }

    public Account bob() {
        return account("bob");
    }

    /** An HTTP/1.1 client fit for the network's servers. */
    public HttpClient http() {
        return http;
    }

    /**
     * Waits until the AppView has indexed every write so far: call it after writes, before reads,
     * and between writes of different accounts that depend on each other (the AppView indexes each
     * account's writes in parallel, so a reply indexed before its parent post notifies nobody).
     */
    public void processAll() {
        HttpResponse<String> response = control("/process-all", Duration.ofSeconds(60));
        if (response.statusCode() != 204) {
            throw new IllegalStateException(
                    "The AT Protocol network's processAll failed (" + response.statusCode() + "): " + response.body());
        }
    }

    private Account account(String name) {
        JsonNode node = ready.get(name);
        return new Account(
                node.get("handle").asString(),
                node.get("did").asString(),
                node.get("password").asString(),
                node.get("appPassword").asString());
    }

    private HttpResponse<String> control(String path, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(ready.get("controlUrl").asString() + path))
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("The AT Protocol network does not answer; its output:\n" + tail(logFile), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static AtprotoNetwork start() {
        Path script = Path.of(System.getProperty("rapport.atproto.script", "tools/atproto-network/network.mjs"))
                .toAbsolutePath();
        Path modules = script.resolveSibling("node_modules").resolve("@atproto").resolve("dev-env");
        if (!Files.isDirectory(modules)) {
            throw new IllegalStateException("The AT Protocol network's packages are not installed (" + modules
                    + " is missing): run `npm ci` in " + script.getParent() + " (scripts/test does).");
        }
        String dbUrl = System.getProperty(DB_URL_VARIABLE, System.getenv(DB_URL_VARIABLE));
        if (dbUrl == null || dbUrl.isBlank()) {
            throw new IllegalStateException("The AT Protocol network needs PostgreSQL for its AppView: set "
                    + DB_URL_VARIABLE + " (environment or system property), e.g. "
                    + "postgresql://rapport:rapport-test@127.0.0.1:55432/atproto; scripts/test does.");
        }
        Path workDir;
        Path logFile;
        try {
            workDir = Files.createTempDirectory("rapport-atproto-run");
            Path target = Path.of("target");
            logFile = Files.isDirectory(target)
                    ? target.resolve("atproto-network.log").toAbsolutePath()
                    : workDir.resolve("network.log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path readyFile = workDir.resolve("ready.json");
        ProcessBuilder builder = new ProcessBuilder(
                        List.of(System.getProperty("rapport.node", "node"), script.toString(), readyFile.toString()))
                .directory(script.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().put("TMPDIR", workDir.toString());
        builder.environment().put(DB_URL_VARIABLE, dbUrl);
        builder.environment().putIfAbsent("REDIS_HOST", "127.0.0.1:1");
        // Standard input stays an open pipe: the network stops when this JVM goes, however it goes.
        Process process;
        long began = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            delete(workDir);
            throw new IllegalStateException(
                    "Could not run Node.js for the AT Protocol network (is `node` on the PATH?)", e);
        }
        try {
            JsonNode ready = awaitReady(process, readyFile, logFile);
            System.out.printf(
                    "AT Protocol network ready in %d ms: PDS %s, AppView %s (log %s)%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began),
                    ready.get("pdsUrl").asString(),
                    ready.get("appviewUrl").asString(),
                    logFile);
            return new AtprotoNetwork(process, workDir, logFile, ready);
        } catch (RuntimeException e) {
            process.destroy();
            waitFor(process, Duration.ofSeconds(10));
            process.destroyForcibly();
            delete(workDir);
            throw e;
        }
    }

    private static JsonNode awaitReady(Process process, Path readyFile, Path logFile) {
        try {
            org.awaitility.Awaitility.await()
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive() && !Files.exists(readyFile)) {
                            throw new IllegalStateException(
                                    "The AT Protocol network stopped before it was ready (exit code "
                                            + process.exitValue() + "); its output:\n" + tail(logFile));
                        }
                        return Files.exists(readyFile);
                    });
        } catch (org.awaitility.core.ConditionTimeoutException late) {
            throw new IllegalStateException("The AT Protocol network was not ready within " + START_TIMEOUT.toSeconds()
                    + " s; its output:\n" + tail(logFile));
        }
        try {
            // network.mjs writes the file elsewhere and renames it: it is complete once it exists.
            return JsonMapper.builder().build().readTree(readyFile.toFile());
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Unreadable ready file " + readyFile + "; the network's output:\n" + tail(logFile), e);
        }
    }

    private void stop() {
        try {
            control("/shutdown", Duration.ofSeconds(5));
        } catch (RuntimeException ignored) {
            // Closing its standard input or SIGTERM stops it as well.
        }
        if (!waitFor(process, Duration.ofSeconds(20))) {
            process.destroy();
            if (!waitFor(process, Duration.ofSeconds(10))) {
                process.destroyForcibly();
            }
        }
        delete(workDir);
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // A leftover temporary folder does no harm.
        }
    }
}
