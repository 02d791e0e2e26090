package dev.rapport.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testing.CountingMastodon;
import dev.rapport.testing.ProcessDatabase;
import dev.rapport.testing.RapportProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once on two nodes: two Rapport processes on one PostgreSQL publish the same 300 due
 * variants, each variant once. PostgreSQL only (tag "postgres": scripts/test runs it in its
 * PostgreSQL pass); the embedded H2 belongs to one process.
 */
@Tag("postgres")
class PublicationTwoNodesTests {

    static final int ACCOUNTS = 6;
    static final int POSTS = 50;
    static final int VARIANTS = ACCOUNTS * POSTS;
    static final int THREADS = 4;

    static final List<String> NODE = List.of(
            "--rapport.scheduler.threads=" + THREADS,
            "--rapport.scheduler.heartbeat=2s",
            "--rapport.scheduler.polling-interval=1s",
            "--rapport.connectors.calls-per-minute.mastodon=0");

    @TempDir
    Path dataDir;

    @Test
    void twoNodesPublishTheSameDueVariantsEachOnce() throws Exception {
        assertThat(ProcessDatabase.postgres())
                .as("two nodes need PostgreSQL: set SPRING_DATASOURCE_URL (scripts/test does)")
                .isTrue();
        Instant began = Instant.now();
        try (CountingMastodon network = new CountingMastodon(Duration.ofMillis(150))) {
            ProcessDatabase database = ProcessDatabase.fresh(dataDir);
            try {
                DueVariants.Seeded seeded;
                try (RapportProcess seeder = RapportProcess.start(
                        "nodes-seed", dataDir, database, List.of("--rapport.scheduler.enabled=false"))) {
                    seeded = DueVariants.seed(seeder.port(), network, ACCOUNTS, POSTS);
                    seeder.stop();
                }
                Instant seededAt = Instant.now();
                var startingB =
                        CompletableFuture.supplyAsync(() -> RapportProcess.start("nodes-b", dataDir, database, NODE));
                try (RapportProcess a = RapportProcess.start("nodes-a", dataDir, database, NODE);
                        RapportProcess b = startingB.get()) {
                    AtomicBoolean watching = new AtomicBoolean(true);
                    AtomicInteger mostRunning = new AtomicInteger();
                    var watcher = CompletableFuture.runAsync(() -> watchRunning(database, watching, mostRunning));
                    boolean settled = ExactlyOnce.awaitPublished(
                            network,
                            () -> (int) DueVariants.publishedByAudit(a.port()),
                            VARIANTS,
                            Duration.ofSeconds(180));
                    watching.set(false);
                    watcher.get();
                    Map<String, Long> audited = DueVariants.auditTargets(b.port());
                    List<DueVariants.Variant> variants = DueVariants.recorded(database);
                    System.out.printf(
                            "Two nodes: %d status posts, %d answered from the idempotency cache, %d lookups, at"
                                    + " most %d publications running at once; seeding %d s, publishing %d s%n",
                            network.posts(),
                            network.replays(),
                            network.lookups(),
                            mostRunning.get(),
                            Duration.between(began, seededAt).toSeconds(),
                            Duration.between(seededAt, Instant.now()).toSeconds());
                    assertThat(settled)
                            .as(
                                    "all published within 180 s: %d statuses made, variants by state %s",
                                    network.created(), DueVariants.states(variants))
                            .isTrue();
                    ExactlyOnce.assertPublishedOnce(network, seeded, variants, audited);
                    assertThat(ExactlyOnce.auditDuplicates(audited)).isZero();
                    assertThat(network.replays()).as("nothing sent twice").isZero();
                    assertThat(mostRunning.get())
                            .as("both nodes published at once (each runs at most %d)", THREADS)
                            .isGreaterThan(THREADS);
                }
            } finally {
                database.drop();
            }
        }
    }

    /** The most publications picked at once: beyond one node's threads, both nodes were at work. */
    private static void watchRunning(ProcessDatabase database, AtomicBoolean watching, AtomicInteger most) {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            while (watching.get()) {
                try (ResultSet rows = statement.executeQuery(
                        "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'publish-variant' AND picked")) {
                    rows.next();
                    most.accumulateAndGet(rows.getInt(1), Math::max);
                }
                ExactlyOnce.pause(Duration.ofMillis(20));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
