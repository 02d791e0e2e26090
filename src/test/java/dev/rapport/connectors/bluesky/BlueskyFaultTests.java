package dev.rapport.connectors.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.rapport.connectors.ConnectorEngine;
import dev.rapport.connectors.ConnectorsProperties;
import dev.rapport.connectors.PublishOutcome;
import dev.rapport.connectors.PublishOutcome.Status;
import dev.rapport.connectors.spi.Connection;
import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.PublishRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The connector through the engine against a PDS stubbed with answers shaped like the lexicons,
 * misbehaving one way per test. Nothing sleeps; every test counts the writes the PDS received.
 */
class BlueskyFaultTests {

    static final String DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz";
    static final String CREATE = "/xrpc/com.atproto.repo.createRecord";
    static final String GET_RECORD = "/xrpc/com.atproto.repo.getRecord";
    static final String KEY = "variant-2026-11-26-0042";
    static final String RKEY = RecordKeys.forIdempotencyKey(KEY);
    static final PublishRequest REQUEST = PublishRequest.text(KEY, "Spring menu is out ☕️");

    final WireMockServer pds = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    final List<Duration> waits = new ArrayList<>();
    final ConnectorEngine engine = new ConnectorEngine(4, Duration.ofMillis(100), Duration.ofSeconds(60), waits::add);
    BlueskyConnector bluesky;
    Connection account;

    @BeforeEach
    void start() {
        pds.start();
        bluesky = new BlueskyConnector(
                HttpClient.newHttpClient(),
                new ConnectorsProperties(
                        Duration.ofSeconds(2),
                        Duration.ofMillis(500),
                        4,
                        Duration.ofMillis(100),
                        Duration.ofSeconds(60)),
                JsonMapper.builder().build());
        account = new Connection(
                7,
                Map.of("service", pds.baseUrl(), "did", DID, "handle", "cafe.bsky.social"),
                Map.of("appPassword", "abcd-efgh-ijkl-mnop", "accessJwt", "access-1", "refreshJwt", "refresh-1"));
    }

    /** The connector, giving up on an answer after {@code requestTimeout}. */
    static BlueskyConnector connector(Duration requestTimeout) {
        return new BlueskyConnector(
                HttpClient.newHttpClient(),
                new ConnectorsProperties(
                        Duration.ofSeconds(2), requestTimeout, 4, Duration.ofMillis(100), Duration.ofSeconds(60)),
                JsonMapper.builder().build());
    }

    @AfterEach
    void stop() {
        pds.stop();
    }

    @Test
    void aResponseLostAfterTheWriteWasAppliedIsFoundByItsRecordKeyAndNotWrittenAgain() {
        pds.stubFor(post(CREATE).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        pds.stubFor(getRecord().willReturn(okJson(resource("getRecord.json"))));

        PublishOutcome outcome = engine.publish(bluesky, account, REQUEST);

        assertThat(outcome.status()).isEqualTo(Status.PUBLISHED);
        assertThat(outcome.receipt().remoteId()).isEqualTo("at://" + DID + "/app.bsky.feed.post/" + RKEY);
        assertThat(outcome.receipt().url()).isEqualTo("https://bsky.app/profile/cafe.bsky.social/post/" + RKEY);
        assertThat(outcome.receipt().publishedAt()).isEqualTo(Instant.parse("2026-11-26T09:30:00.123Z"));
        assertThat(writes()).isEqualTo(1);
    }

    @Test
    void aResetConnectionIsRetriedUnderTheSameRecordKeyAfterTheLookupFindsNothing() {
        failFirstThen(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        pds.stubFor(getRecord().willReturn(recordNotFound()));

        PublishOutcome outcome = engine.publish(bluesky, account, REQUEST);

        assertThat(outcome.status()).isEqualTo(Status.PUBLISHED);
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(CREATE))))
                .hasSize(2)
                .allSatisfy(request -> assertThat(request.getBodyAsString()).contains("\"rkey\":\"" + RKEY + "\""));
        pds.verify(1, getRequestedFor(urlPathEqualTo(GET_RECORD)));
    }

    @Test
    void aTimeoutEveryTimeEndsAfterBoundedAttemptsWithOneRecordKey() {
        pds.stubFor(post(CREATE).willReturn(okJson(created()).withFixedDelay(1500)));
        pds.stubFor(getRecord().willReturn(recordNotFound()));

        PublishOutcome outcome = engine.publish(connector(Duration.ofMillis(300)), account, REQUEST);

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.reason()).isEqualTo("unavailable");
        assertThat(writes()).isEqualTo(4);
        assertThat(pds.findAll(postRequestedFor(urlPathEqualTo(CREATE))))
                .extracting(request -> request.getBodyAsString().contains("\"rkey\":\"" + RKEY + "\""))
                .containsOnly(true);
    }

    @Test
    void rateLimitsWaitForTheResetTimeTheNetworkSends() {
        long reset = Instant.now().plusSeconds(45).getEpochSecond();
        failFirstThen(aResponse()
                .withStatus(429)
                .withHeader("RateLimit-Limit", "5000")
                .withHeader("RateLimit-Remaining", "0")
                .withHeader("RateLimit-Reset", Long.toString(reset))
                .withHeader("RateLimit-Policy", "5000;w=3600")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}"));

        PublishOutcome outcome = engine.publish(bluesky, account, REQUEST);

        assertThat(outcome.status()).isEqualTo(Status.PUBLISHED);
        assertThat(waits).singleElement().satisfies(wait -> assertThat(wait).isGreaterThan(Duration.ofSeconds(40)));
        assertThat(writes()).isEqualTo(2);
        pds.verify(0, getRequestedFor(urlPathEqualTo(GET_RECORD)));
    }

    @Test
    void retryAfterWinsOverTheBackoff() {
        failFirstThen(aResponse()
                .withStatus(429)
                .withHeader("Retry-After", "12")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}"));

        assertThat(engine.publish(bluesky, account, REQUEST).status()).isEqualTo(Status.PUBLISHED);
        assertThat(waits).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void aServerErrorIsLookedUpThenRetried() {
        failFirstThen(aResponse()
                .withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"InternalServerError\",\"message\":\"Internal Server Error\"}"));
        pds.stubFor(getRecord().willReturn(recordNotFound()));

        PublishOutcome outcome = engine.publish(bluesky, account, REQUEST);

        assertThat(outcome.status()).isEqualTo(Status.PUBLISHED);
        assertThat(writes()).isEqualTo(2);
        pds.verify(1, getRequestedFor(urlPathEqualTo(GET_RECORD)));
    }

    @Test
    void malformedJsonOnSuccessMeansTheOutcomeIsAskedForNotAssumed() {
        pds.stubFor(post(CREATE)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"uri\": \"at://" + DID)));
        pds.stubFor(getRecord().willReturn(okJson(resource("getRecord.json"))));

        PublishOutcome outcome = engine.publish(bluesky, account, REQUEST);

        assertThat(outcome.status()).isEqualTo(Status.PUBLISHED);
        assertThat(writes()).isEqualTo(1);
    }

    @Test
    void anExpiredAccessTokenIsAuthExpiredSoTheEngineCanRefresh() {
        pds.stubFor(post(CREATE).willReturn(expiredToken()));

        assertThatThrownBy(() -> bluesky.publish(account, REQUEST))
                .isInstanceOfSatisfying(ConnectorException.AuthExpired.class, expired -> {
                    assertThat(expired.status()).isEqualTo(400);
                    assertThat(expired.getMessage()).contains("ExpiredToken");
                });
        PublishOutcome outcome = engine.publish(bluesky, account, REQUEST);
        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.reason()).isEqualTo("auth-expired");
        assertThat(outcome.attempts()).isEqualTo(1);
    }

    @Test
    void refreshUsesTheRefreshTokenAndKeepsTheAppPassword() {
        pds.stubFor(post("/xrpc/com.atproto.server.refreshSession")
                .withHeader("Authorization", equalTo("Bearer refresh-1"))
                .willReturn(okJson(resource("createSession.json"))));

        var refreshed = bluesky.refresh(account);

        assertThat(refreshed.credentials())
                .containsEntry("accessJwt", "access-2")
                .containsEntry("refreshJwt", "refresh-2")
                .containsEntry("appPassword", "abcd-efgh-ijkl-mnop");
        assertThat(refreshed.settings()).containsEntry("did", DID).containsEntry("service", pds.baseUrl());
        assertThat(refreshed.expiresAt()).isNull();
        assertThat(pds.findAll(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.server.refreshSession"))))
                .singleElement()
                .satisfies(request -> assertThat(request.getBody())
                        .as("the lexicon has no input")
                        .isEmpty());
    }

    @Test
    void anExpiredRefreshTokenSignsInAgainWithTheAppPassword() {
        pds.stubFor(post("/xrpc/com.atproto.server.refreshSession").willReturn(expiredToken()));
        pds.stubFor(post("/xrpc/com.atproto.server.createSession")
                .withRequestBody(equalToJson("{\"identifier\":\"" + DID + "\",\"password\":\"abcd-efgh-ijkl-mnop\"}"))
                .willReturn(okJson(resource("createSession.json"))));

        assertThat(bluesky.refresh(account).credentials()).containsEntry("accessJwt", "access-2");
    }

    @Test
    void aRevokedAppPasswordNeedsTheOwner() {
        pds.stubFor(post("/xrpc/com.atproto.server.refreshSession").willReturn(expiredToken()));
        pds.stubFor(
                post("/xrpc/com.atproto.server.createSession")
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}")));

        assertThatThrownBy(() -> bluesky.refresh(account)).isInstanceOf(ConnectorException.AuthExpired.class);
        assertThatThrownBy(() -> bluesky.connect(
                        Map.of("service", pds.baseUrl(), "identifier", "@cafe.bsky.social"),
                        Map.of("appPassword", "wrong")))
                .isInstanceOfSatisfying(
                        ConnectorException.Rejected.class,
                        rejected -> assertThat(rejected.userMessage()).contains("Invalid identifier or password"));
    }

    @Test
    void whatTheLexiconRefusesIsRejectedOnceWithTheNetworksWords() {
        pds.stubFor(post(CREATE)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"InvalidRequest\",\"message\":"
                                + "\"Invalid app.bsky.feed.post record: Record/langs/0 must be valid language\"}")));

        PublishOutcome outcome = engine.publish(bluesky, account, REQUEST);

        assertThat(outcome.reason()).isEqualTo("rejected:InvalidRequest");
        assertThat(outcome.message()).contains("langs");
        assertThat(writes()).isEqualTo(1);
    }

    @Test
    void textOverTheLimitIsRejectedBeforeAnyCall() {
        PublishOutcome outcome = engine.publish(bluesky, account, PublishRequest.text(KEY, "咖啡".repeat(151)));

        assertThat(outcome.reason()).isEqualTo("rejected:text-too-long");
        assertThat(outcome.message()).contains("300");
        assertThat(pds.getAllServeEvents()).isEmpty();
    }

    private MappingBuilder getRecord() {
        return get(urlPathEqualTo(GET_RECORD))
                .withQueryParam("repo", equalTo(DID))
                .withQueryParam("collection", equalTo("app.bsky.feed.post"))
                .withQueryParam("rkey", equalTo(RKEY));
    }

    /** The first createRecord answers with the fault, the next ones succeed. */
    private void failFirstThen(ResponseDefinitionBuilder failure) {
        pds.stubFor(post(CREATE)
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(failure)
                .willSetStateTo("recovered"));
        pds.stubFor(post(CREATE)
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson(created())));
    }

    private int writes() {
        return pds.findAll(postRequestedFor(urlPathEqualTo(CREATE))).size();
    }

    static String created() {
        return resource("createRecord.json");
    }

    static ResponseDefinitionBuilder recordNotFound() {
        return aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"RecordNotFound\",\"message\":\"Could not locate record: at://" + DID
                        + "/app.bsky.feed.post/" + RKEY + "\"}");
    }

    static ResponseDefinitionBuilder expiredToken() {
        return aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}");
    }

    static String resource(String name) {
        try (InputStream in = BlueskyFaultTests.class.getResourceAsStream("/bluesky/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{rkey}", RKEY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
