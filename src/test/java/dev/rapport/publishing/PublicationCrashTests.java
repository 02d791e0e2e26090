package dev.rapport.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testing.CountingMastodon;
import dev.rapport.testing.ProcessDatabase;
import dev.rapport.testing.RapportProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once across a crash: Rapport is killed (SIGKILL) while it publishes 1,000 due variants,
 * started again on the same database, and every variant is then published once — no status made
 * twice on the network, every variant PUBLISHED with the status the network made for it. Runs on
 * the embedded H2 file and, in scripts/test, on PostgreSQL.
 */
@Tag("db")
class PublicationCrashTests {

    static final int ACCOUNTS = 20;
    static final int POSTS = 50;
    static final int VARIANTS = ACCOUNTS * POSTS;

    /** Claimed executions of a dead node run again after 6 missed heartbeats: 12 s. */
    static final List<String> NODE = List.of(
            "--rapport.scheduler.heartbeat=2s",
            "--rapport.scheduler.polling-interval=1s",
            "--rapport.connectors.calls-per-minute.mastodon=0");

    @TempDir
    Path dataDir;

    @Test
    void killedWhilePublishingAThousandVariantsAndStartedAgainEveryVariantIsPublishedOnce() {
        Instant began = Instant.now();
        try (CountingMastodon network = new CountingMastodon(Duration.ofMillis(80))) {
            ProcessDatabase database = ProcessDatabase.fresh(dataDir);
            try {
                DueVariants.Seeded seeded;
                try (RapportProcess seeder = RapportProcess.start(
                        "crash-seed", dataDir, database, List.of("--rapport.scheduler.enabled=false"))) {
                    seeded = DueVariants.seed(seeder.port(), network, ACCOUNTS, POSTS);
                    seeder.stop();
                }
                assertThat(seeded.texts()).hasSize(VARIANTS);
                Instant seededAt = Instant.now();

                int createdAtKill;
                try (RapportProcess first = RapportProcess.start("crash-first", dataDir, database, NODE)) {
                    ExactlyOnce.awaitCreated(network, VARIANTS / 3, Duration.ofSeconds(180), first);
                    first.kill();
                    createdAtKill = network.created();
                }
                assertThat(createdAtKill).as("the kill lands while publishing").isBetween(1, VARIANTS - 1);
                Instant killedAt = Instant.now();

                boolean settled;
                Map<String, Long> audited;
                try (RapportProcess second = RapportProcess.start("crash-second", dataDir, database, NODE)) {
                    settled = ExactlyOnce.awaitPublished(
                            network,
                            () -> (int) DueVariants.publishedByAudit(second.port()),
                            VARIANTS,
                            Duration.ofSeconds(240));
                    audited = DueVariants.auditTargets(second.port());
                    second.stop();
                }
                Instant settledAt = Instant.now();
                List<DueVariants.Variant> variants = DueVariants.recorded(database);
                System.out.printf(
                        "Crash test (%s): %d statuses made before the kill, %d status posts in all, %d answered"
                                + " from the idempotency cache, %d lookups, %d publications audited twice;"
                                + " seeding %d s, until the kill %d s, restart to all published %d s, whole test"
                                + " %d s%n",
                        database.schema() == null ? "H2 file" : "PostgreSQL",
                        createdAtKill,
                        network.posts(),
                        network.replays(),
                        network.lookups(),
                        ExactlyOnce.auditDuplicates(audited),
                        Duration.between(began, seededAt).toSeconds(),
                        Duration.between(seededAt, killedAt).toSeconds(),
                        Duration.between(killedAt, settledAt).toSeconds(),
                        Duration.between(began, settledAt).toSeconds());
                assertThat(settled)
                        .as(
                                "all published within 240 s of the restart: %d statuses made, variants by state %s",
                                network.created(), DueVariants.states(variants))
                        .isTrue();
                ExactlyOnce.assertPublishedOnce(network, seeded, variants, audited);
                assertThat(network.lookups() + network.replays())
                        .as("publications cut short by the kill were settled after the restart")
                        .isPositive();
            } finally {
                database.drop();
            }
        }
    }
}
