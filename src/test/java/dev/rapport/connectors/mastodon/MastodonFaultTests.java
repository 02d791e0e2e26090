package dev.rapport.connectors.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.connectors.ConnectorEngine;
import dev.rapport.connectors.PublishOutcome;
import dev.rapport.connectors.PublishOutcome.Status;
import dev.rapport.connectors.mastodon.FakeMastodon.Misbehaviour;
import dev.rapport.connectors.spi.PublishRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine publishing to a Mastodon server that misbehaves: whatever happens, a variant is never
 * published twice, the attempts are bounded, and the owner gets a clear outcome. Nothing sleeps.
 */
class MastodonFaultTests {

    static final Duration REQUEST_TIMEOUT = Duration.ofMillis(500);

    final FakeMastodon mastodon = new FakeMastodon(REQUEST_TIMEOUT.multipliedBy(3));
    final MastodonConnector connector = MastodonConnectorContractTests.connector(REQUEST_TIMEOUT);
    final List<Duration> waits = new ArrayList<>();
    final ConnectorEngine engine = new ConnectorEngine(4, Duration.ofMillis(200), Duration.ofSeconds(60), waits::add);
    final PublishRequest request =
            PublishRequest.text("variant-42", "Lunch is served 午餐开始了 https://rapport.example/menu");

    @AfterEach
    void stop() {
        mastodon.close();
    }

    PublishOutcome publish() {
        return engine.publish(connector, mastodon.connection(), request);
    }

    int posts() {
        return mastodon.server
                .findAll(postRequestedFor(urlPathEqualTo("/api/v1/statuses")))
                .size();
    }

    @Test
    void aConnectionResetBeforeTheServerWroteIsTriedAgainAfterLooking() {
        mastodon.misbehave(Misbehaviour.RESET_BEFORE_WRITE);

        PublishOutcome outcome = publish();

        assertThat(outcome.status()).isEqualTo(Status.PUBLISHED);
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(mastodon.statusesCreated()).isEqualTo(1);
    }

    @Test
    void aResponseLostAfterTheServerWroteIsFoundNotPostedAgain() {
        mastodon.misbehave(Misbehaviour.RESET_AFTER_WRITE);

        PublishOutcome outcome = publish();

        assertThat(outcome.status()).isEqualTo(Status.PUBLISHED);
        assertThat(outcome.receipt().url()).startsWith("https://mastodon.example/@rapport_demo/");
        assertThat(mastodon.statusesCreated()).isEqualTo(1);
        assertThat(posts()).as("found by looking, not by posting again").isEqualTo(1);
        assertThat(waits).as("the first answer was lost").hasSize(1);
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsFoundNotPostedAgain() {
        mastodon.misbehave(Misbehaviour.SLOW_AFTER_WRITE);

        PublishOutcome outcome = publish();

        assertThat(outcome.status()).isEqualTo(Status.PUBLISHED);
        assertThat(mastodon.statusesCreated()).isEqualTo(1);
        assertThat(posts()).isEqualTo(1);
        assertThat(waits).as("the first answer failed").hasSize(1);
    }

    @Test
    void anUnreadableAnswerToAWriteIsFoundNotPostedAgain() {
        mastodon.misbehave(Misbehaviour.MALFORMED_AFTER_WRITE);

        PublishOutcome outcome = publish();

        assertThat(outcome.status()).isEqualTo(Status.PUBLISHED);
        assertThat(mastodon.statusesCreated()).isEqualTo(1);
        assertThat(posts()).isEqualTo(1);
        assertThat(waits).as("the first answer failed").hasSize(1);
    }

    @Test
    void rateLimitsAreWaitedOutAsTheServerSays() {
        mastodon.misbehave(Misbehaviour.RATE_LIMITED, Misbehaviour.RATE_LIMITED);

        PublishOutcome outcome = publish();

        assertThat(outcome.status()).isEqualTo(Status.PUBLISHED);
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(waits)
                .as("X-RateLimit-Reset, 45 s ahead")
                .hasSize(2)
                .allMatch(wait -> wait.compareTo(Duration.ofSeconds(40)) >= 0);
        assertThat(mastodon.statusesCreated()).isEqualTo(1);
    }

    @Test
    void serverErrorsAreRetriedABoundedNumberOfTimesThenReported() {
        mastodon.misbehave(
                Misbehaviour.SERVER_ERROR,
                Misbehaviour.SERVER_ERROR,
                Misbehaviour.SERVER_ERROR,
                Misbehaviour.SERVER_ERROR);

        PublishOutcome outcome = publish();

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.reason()).isEqualTo("unavailable");
        assertThat(outcome.attempts()).isEqualTo(4);
        assertThat(posts()).isEqualTo(4);
        assertThat(mastodon.statusesCreated()).isZero();
    }

    @Test
    void aServerErrorThenSuccessPublishesOnce() {
        mastodon.misbehave(Misbehaviour.SERVER_ERROR);

        PublishOutcome outcome = publish();

        assertThat(outcome.status()).isEqualTo(Status.PUBLISHED);
        assertThat(mastodon.statusesCreated()).isEqualTo(1);
    }

    @Test
    void anExpiredTokenFailsAtOnceWithTheServersWords() {
        mastodon.misbehave(Misbehaviour.UNAUTHORIZED);

        PublishOutcome outcome = publish();

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.reason()).isEqualTo("auth-expired");
        assertThat(outcome.message()).isEqualTo("The access token is invalid");
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(waits).isEmpty();
        assertThat(mastodon.statusesCreated()).isZero();
    }

    @Test
    void whenTheServerCannotBeAskedAfterALostAnswerTheOutcomeIsUnknownAndNothingIsPostedAgain() {
        mastodon.misbehave(Misbehaviour.RESET_AFTER_WRITE);
        mastodon.server.stubFor(get(urlPathMatching("/api/v1/accounts/[0-9]+/statuses"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(503)));

        PublishOutcome outcome = publish();

        assertThat(outcome.status()).isEqualTo(Status.OUTCOME_UNKNOWN);
        assertThat(outcome.reason()).isEqualTo("outcome-unknown");
        assertThat(outcome.attempts()).isLessThanOrEqualTo(4);
        assertThat(posts()).isEqualTo(1);
        assertThat(mastodon.statusesCreated()).isEqualTo(1);
    }
}
