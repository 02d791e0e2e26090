package dev.rapport.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Rapport as a process of its own ({@code dev.rapport.Rapport} on the test's class path, without
 * the test classes), so that a test can kill it as the operating system would and start another
 * on the same database and data directory. Its output goes to {@code target/rapport-processes}.
 */
public final class RapportProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(240);

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private RapportProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts Rapport with the test workspace's admin, on the database and data directory given, and
     * waits until it answers; {@code settings} are further {@code --name=value} arguments.
     */
    public static RapportProcess start(String name, Path dataDir, ProcessDatabase database, List<String> settings) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-cp",
                classPath(),
                "dev.rapport.Rapport",
                "--server.port=" + port,
                "--rapport.data-dir=" + dataDir,
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--rapport.admin.email=" + TestMembers.ADMIN_EMAIL,
                "--rapport.admin.password=" + TestMembers.ADMIN_PASSWORD,
                "--rapport.admin.name=Test Admin",
                "--rapport.connectors.allow-private-networks=true"));
        command.addAll(settings);
        Path logs = Path.of("target", "rapport-processes");
        Path log = logs.resolve(name + ".log");
        try {
            Files.createDirectories(logs);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            RapportProcess started = new RapportProcess(name, process, port, log.toAbsolutePath());
            started.awaitReady();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed, connections just drop. */
    public void kill() {
        process.destroyForcibly();
        await();
    }

    /** SIGTERM: Rapport shuts down in order. */
    public void stop() {
        process.destroy();
        await();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return name + " (port " + port + ", log " + log + ")";
    }

    private void await() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        // The first admin is made once the application is ready: wait until they can sign in.
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/members"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((TestMembers.ADMIN_EMAIL + ":" + TestMembers.ADMIN_PASSWORD)
                                                .getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            Awaitility.await(name + " lets its first admin sign in")
                    .atMost(STARTUP)
                    .pollInterval(Duration.ofMillis(250))
                    .failFast(name + " ended while starting: see " + log, () -> !process.isAlive())
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> client.send(health, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200);
        } catch (ConditionTimeoutException e) {
            close();
            throw new IllegalStateException(name + " did not start within " + STARTUP + ": see " + log, e);
        }
    }

    /**
     * The test's class path without the test classes (their test configurations would be scanned),
     * opened up when Surefire hands it over as a manifest-only jar.
     */
    static String classPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")
                    && Path.of(entry).getFileName().toString().startsWith("surefirebooter")) {
                entries.addAll(manifestClassPath(Path.of(entry)));
            } else {
                entries.add(entry);
            }
        }
        return String.join(
                File.pathSeparator,
                entries.stream()
                        .filter(entry -> !Path.of(entry).normalize().endsWith(Path.of("target", "test-classes")))
                        .toList());
    }

    private static List<String> manifestClassPath(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String listed =
                    manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (listed == null) {
                return List.of(jar.toString());
            }
            List<String> entries = new ArrayList<>();
            for (String url : listed.trim().split("\\s+")) {
                URI uri = jar.toUri().resolve(url);
                entries.add(Path.of(uri).toString());
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
