package dev.rapport.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.connectors.PublishOutcome.Status;
import dev.rapport.connectors.sandbox.SandboxConnector;
import dev.rapport.connectors.sandbox.SandboxFaults;
import dev.rapport.connectors.spi.Connection;
import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.NetworkConnector;
import dev.rapport.connectors.spi.PublishReceipt;
import dev.rapport.connectors.spi.PublishRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The engine against the sandbox network misbehaving on purpose; nothing sleeps for real. */
class ConnectorEngineTests {

    static final Connection ACCOUNT = new Connection(42, Map.of(), Map.of());

    final List<Duration> waits = new ArrayList<>();
    final ConnectorEngine engine = new ConnectorEngine(5, Duration.ofMillis(200), Duration.ofSeconds(30), waits::add);

    @Test
    void lostResponsesTimeoutsAndErrorsNeverPublishTwiceAndNeverLoseAPost() {
        var sandbox =
                new SandboxConnector(new SandboxFaults(2026, 0.1, 0.1, 0.1, 0.3, Duration.ZERO, Duration.ofSeconds(2)));
        List<PublishOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            outcomes.add(engine.publish(sandbox, ACCOUNT, PublishRequest.text("variant-" + i, "Post number " + i)));
        }

        Map<String, Long> postsPerKey = sandbox.posts().stream()
                .collect(Collectors.groupingBy(SandboxConnector.Post::idempotencyKey, Collectors.counting()));
        assertThat(postsPerKey.values()).as("no variant published twice").allMatch(count -> count == 1);
        long published = outcomes.stream()
                .filter(outcome -> outcome.status() == Status.PUBLISHED)
                .count();
        assertThat(published)
                .as("every post on the network is reported published")
                .isEqualTo(sandbox.posts().size());
        assertThat(outcomes).noneMatch(outcome -> outcome.status() == Status.OUTCOME_UNKNOWN);
        assertThat(published)
                .as("with five attempts nearly everything gets through")
                .isGreaterThan(1990);
        assertThat(outcomes).allMatch(outcome -> outcome.attempts() <= 5);
    }

    @Test
    void retryAfterIsHonouredAndRetriesAreBounded() {
        var sandbox = new SandboxConnector(new SandboxFaults(1, 1.0, 0, 0, 0, Duration.ZERO, Duration.ofSeconds(25)));
        var clock = new MutableClock();
        ConnectorEngine.Sleeper sleepOnTheClock = wait -> {
            waits.add(wait);
            clock.now = clock.now.plus(wait);
        };
        var engine = new ConnectorEngine(
                5,
                Duration.ofMillis(200),
                Duration.ofSeconds(30),
                sleepOnTheClock,
                new RateLimits(network -> Integer.MAX_VALUE, clock),
                clock);

        PublishOutcome outcome = engine.publish(sandbox, ACCOUNT, PublishRequest.text("k", "Busy network"));

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.reason()).isEqualTo("unavailable");
        assertThat(sandbox.calls("publish")).isEqualTo(5);
        assertThat(waits).hasSize(4).allMatch(wait -> wait.compareTo(Duration.ofSeconds(25)) >= 0);
    }

    @Test
    void aRetryAfterBeyondTheLongestWaitEndsTheAttemptsWithATimeToComeBack() {
        var sandbox = new SandboxConnector(new SandboxFaults(1, 1.0, 0, 0, 0, Duration.ZERO, Duration.ofMinutes(15)));
        java.time.Instant before = java.time.Instant.now();

        PublishOutcome outcome = engine.publish(sandbox, ACCOUNT, PublishRequest.text("k", "Busy network"));

        assertThat(outcome.reason()).isEqualTo("rate-limited");
        assertThat(outcome.retryAt()).isAfterOrEqualTo(before.plus(Duration.ofMinutes(15)));
        assertThat(sandbox.calls("publish")).isEqualTo(1);
        assertThat(waits).as("nobody sleeps for a quarter of an hour").isEmpty();
    }

    @Test
    void anAccountsBudgetPacesCallsAndRemembersA429ForLaterCalls() {
        var clock = new MutableClock();
        var limits = new RateLimits(network -> 60, clock);
        ConnectorEngine.Sleeper sleepOnTheClock = wait -> {
            waits.add(wait);
            clock.now = clock.now.plus(wait);
        };
        var paced =
                new ConnectorEngine(3, Duration.ofMillis(200), Duration.ofSeconds(30), sleepOnTheClock, limits, clock);
        var sandbox = new SandboxConnector(SandboxFaults.none());

        for (int i = 0; i < 12; i++) {
            assertThat(paced.publish(sandbox, ACCOUNT, PublishRequest.text("p" + i, "Post " + i))
                            .status())
                    .isEqualTo(Status.PUBLISHED);
        }
        assertThat(waits)
                .as("a burst of ten seconds' worth goes at once; then one call a second")
                .filteredOn(wait -> !wait.isZero())
                .isNotEmpty()
                .allMatch(wait -> wait.compareTo(Duration.ofSeconds(1)) <= 0);

        limits.blockUntil("sandbox", ACCOUNT.accountId(), clock.instant().plus(Duration.ofMinutes(5)));
        PublishOutcome blocked = paced.publish(sandbox, ACCOUNT, PublishRequest.text("later", "Later"));
        assertThat(blocked.reason()).isEqualTo("rate-limited");
        assertThat(blocked.attempts())
                .as("no call while the network asked us to wait")
                .isZero();
        assertThat(paced.publish(sandbox, new Connection(43, Map.of(), Map.of()), PublishRequest.text("x", "Other"))
                        .status())
                .as("other accounts are not held back")
                .isEqualTo(Status.PUBLISHED);
    }

    @Test
    void aNetworkWithoutABudgetStillGetsNoCallsWhileItsRetryAfterHolds() {
        var clock = new MutableClock();
        var limits = new RateLimits(network -> Integer.MAX_VALUE, clock);
        var engine = new ConnectorEngine(3, Duration.ofMillis(200), Duration.ofSeconds(30), waits::add, limits, clock);
        var sandbox = new SandboxConnector(SandboxFaults.none());

        limits.blockUntil("sandbox", ACCOUNT.accountId(), clock.instant().plus(Duration.ofMinutes(2)));

        assertThat(engine.publish(sandbox, ACCOUNT, PublishRequest.text("k", "Wait"))
                        .reason())
                .isEqualTo("rate-limited");
        assertThat(sandbox.calls("publish")).isZero();
        clock.now = clock.now.plus(Duration.ofMinutes(3));
        assertThat(engine.publish(sandbox, ACCOUNT, PublishRequest.text("k", "Wait"))
                        .status())
                .isEqualTo(Status.PUBLISHED);
    }

    /** A clock the test moves; sleeping moves it too. */
    static final class MutableClock extends java.time.Clock {
        java.time.Instant now = java.time.Instant.parse("2026-11-26T10:00:00Z");

        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void backoffGrowsWithJitterAndIsCapped() {
        for (int attempt = 1; attempt <= 12; attempt++) {
            Duration ceiling = Duration.ofMillis(Math.min(30_000, 200L << (attempt - 1)));
            assertThat(engine.backoff(attempt)).isBetween(Duration.ZERO, ceiling);
        }
    }

    @Test
    void whatTheNetworkRefusesIsNotRetriedAndSaysWhy() {
        var sandbox = new SandboxConnector(SandboxFaults.none());

        PublishOutcome outcome = engine.publish(sandbox, ACCOUNT, PublishRequest.text("k", " "));

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.reason()).isEqualTo("rejected:empty");
        assertThat(outcome.message()).contains("empty post");
        assertThat(sandbox.calls("publish")).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void anExpiredTokenFailsAtOnceWithItsReason() {
        NetworkConnector expired = network(
                request -> {
                    throw new ConnectorException.AuthExpired("token expired", 401, "req-1");
                },
                key -> Optional.empty());

        PublishOutcome outcome = engine.publish(expired, ACCOUNT, PublishRequest.text("k", "text"));

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.reason()).isEqualTo("auth-expired");
        assertThat(outcome.attempts()).isEqualTo(1);
    }

    @Test
    void whenTheNetworkCannotBeAskedTheOutcomeIsUnknownNotFailedAndNotRepeated() {
        List<String> writes = new ArrayList<>();
        NetworkConnector unreachable = network(
                request -> {
                    writes.add(request.idempotencyKey());
                    throw new ConnectorException.Transient("reset after write", true, null, null, null);
                },
                key -> {
                    throw new ConnectorException.Transient("lookup timed out", false, null, null, null);
                });

        PublishOutcome outcome = engine.publish(unreachable, ACCOUNT, PublishRequest.text("k", "text"));

        assertThat(outcome.status()).isEqualTo(Status.OUTCOME_UNKNOWN);
        assertThat(writes)
                .as("never written again while the first write is unaccounted for")
                .hasSize(1);
    }

    /** A network that answers as the given functions say. */
    static NetworkConnector network(
            Function<PublishRequest, PublishReceipt> publish, Function<String, Optional<PublishReceipt>> find) {
        return new NetworkConnector() {
            public String network() {
                return "test";
            }

            public PublishReceipt publish(Connection connection, PublishRequest request) {
                return publish.apply(request);
            }

            public Optional<PublishReceipt> findPublished(Connection connection, PublishRequest request) {
                return find.apply(request.idempotencyKey());
            }

            public void delete(Connection connection, String remoteId) {}

            public java.util.Set<dev.rapport.connectors.spi.Capability> capabilities() {
                return java.util.EnumSet.of(dev.rapport.connectors.spi.Capability.PUBLISH);
            }

            public List<dev.rapport.connectors.spi.ConfigProperty> configuration() {
                return List.of();
            }

            public dev.rapport.connectors.spi.ConnectedAccount connect(
                    java.util.Map<String, String> settings, java.util.Map<String, String> credentials) {
                throw new UnsupportedOperationException();
            }

            public dev.rapport.connectors.spi.InteractionPage interactions(Connection connection, String cursor) {
                throw new UnsupportedOperationException();
            }

            public List<dev.rapport.connectors.spi.MetricsSnapshot> metrics(
                    Connection connection, List<String> remoteIds) {
                throw new UnsupportedOperationException();
            }

            public dev.rapport.connectors.spi.AudienceSnapshot audience(Connection connection) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
