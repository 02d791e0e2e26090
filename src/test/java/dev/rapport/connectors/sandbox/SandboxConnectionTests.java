package dev.rapport.connectors.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.connectors.spi.ConnectedAccount;
import dev.rapport.connectors.spi.Connection;
import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.PublishRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Connecting, expiry and refresh; many publications at once. */
class SandboxConnectionTests {

    final TestClock clock = TestClock.at2026();
    final SandboxConnector sandbox = new SandboxConnector(SandboxFaults.none(), SandboxCoefficients.defaults(), clock);

    @Test
    void aConnectionExpiresAfterItsLifetimeAndARefreshRenewsIt() {
        ConnectedAccount connected = sandbox.connect(Map.of("handle", "rapport.demo"), Map.of());
        assertThat(connected.handle()).isEqualTo("rapport.demo");
        assertThat(connected.credentials()).isEmpty();
        assertThat(connected.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(60)));
        Connection connection = new Connection(3, connected.settings(), connected.credentials());
        sandbox.publish(connection, PublishRequest.text("a", "still connected"));

        clock.advance(Duration.ofDays(61));
        assertThatThrownBy(() -> sandbox.publish(connection, PublishRequest.text("b", "too late")))
                .isInstanceOf(ConnectorException.AuthExpired.class);

        ConnectedAccount refreshed = sandbox.refresh(connection);
        assertThat(refreshed.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(60)));
        assertThat(sandbox.publish(
                        new Connection(3, refreshed.settings(), refreshed.credentials()),
                        PublishRequest.text("b", "connected again")))
                .isNotNull();
    }

    @Test
    void aConnectionNeedsAHandle() {
        assertThatThrownBy(() -> sandbox.connect(Map.of("handle", " "), Map.of()))
                .isInstanceOf(ConnectorException.Rejected.class);
    }

    @Test
    void manyPublicationsAtOnceAreAllKeptOnceAndFoundByTheirKeys() throws Exception {
        Connection connection = new Connection(1, Map.of(), Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 4000; i++) {
                String key = "k" + i;
                futures.add(pool.submit(() -> sandbox.publish(connection, PublishRequest.text(key, "post " + key))));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(sandbox.posts()).hasSize(4000);
        assertThat(sandbox.posts().stream().map(SandboxConnector.Post::id).distinct())
                .hasSize(4000);
        assertThat(sandbox.findPublished(connection, PublishRequest.text("k1234", "post k1234")))
                .hasValueSatisfying(receipt -> assertThat(receipt.remoteId()).startsWith("sb-"));
    }

    @Test
    void theOldestPostsAreForgottenBeyondTheLimit() {
        SandboxCoefficients d = SandboxCoefficients.defaults();
        SandboxCoefficients small = new SandboxCoefficients(
                d.populationSize(),
                d.initialFollowerShare(),
                d.chineseSpeakerShare(),
                d.followerReach(),
                d.nonFollowerReach(),
                d.reactionHalfLife(),
                d.firstReactionDelay(),
                d.reactionWindow(),
                d.reactionLag(),
                d.likeRate(),
                d.repostRate(),
                d.commentRate(),
                d.clickRate(),
                d.followRate(),
                d.unfollowRate(),
                d.directMessageRate(),
                d.promotionalEngagement(),
                d.promotionalUnfollow(),
                d.questionComments(),
                d.responsivenessWindow(),
                d.answerGrace(),
                d.unansweredReach(),
                d.unansweredUnfollow(),
                d.hashtagAllowance(),
                d.hashtagPenalty(),
                d.lengthAllowance(),
                d.overLengthEngagement(),
                d.languageMismatchEngagement(),
                d.promotionalPurchaseIntent(),
                d.intentMix(),
                d.connectionLifetime(),
                10,
                d.maxTextLength(),
                d.pageSize());
        SandboxConnector bounded = new SandboxConnector(SandboxFaults.none(), small, clock);
        Connection connection = new Connection(1, Map.of(), Map.of());
        for (int i = 0; i < 25; i++) {
            bounded.publish(connection, PublishRequest.text("k" + i, "post " + i));
            clock.advance(Duration.ofHours(1));
        }
        assertThat(bounded.posts()).hasSize(10);
        assertThat(bounded.findPublished(connection, PublishRequest.text("k0", "post 0")))
                .isEmpty();
        assertThat(bounded.findPublished(connection, PublishRequest.text("k24", "post 24")))
                .isPresent();
    }
}
