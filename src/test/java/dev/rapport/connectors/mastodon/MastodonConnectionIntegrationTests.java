package dev.rapport.connectors.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.rapport.connectors.ConnectionWarnings;
import dev.rapport.connectors.Connections;
import dev.rapport.connectors.PublishOutcome;
import dev.rapport.connectors.spi.PublishRequest;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.LoopbackSmtp;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.TestMembers.Credentials;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Mastodon account connected in the running application against a stubbed server shaped like
 * Mastodon's documentation: the server's limits are kept, the token never shows, and when the
 * server keeps failing or stops accepting the token, the connection says so and the owner is told.
 */
@ApplicationTest
class MastodonConnectionIntegrationTests {

    static final int SMTP = LoopbackSmtp.freePort();

    @RegisterExtension
    static GreenMailExtension smtp = LoopbackSmtp.server(SMTP);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        LoopbackSmtp.configure(registry, SMTP);
        registry.add("rapport.scheduler.enabled", () -> "false");
        registry.add("rapport.connectors.base-delay", () -> "1ms");
    }

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Connections connections;

    @Autowired
    ConnectionWarnings warnings;

    FakeMastodon mastodon;
    Credentials owner;
    long account;

    @BeforeEach
    void connectedAccount() {
        mastodon = new FakeMastodon(Duration.ofMillis(300));
        owner = TestMembers.create(team, Role.MARKETER);
        var requested = Api.as(port, owner).post("/api/v1/accounts", """
                {"network":"mastodon","handle":"cafe-%s","purpose":"Fediverse community","owners":[%d]}""".formatted(
                        UUID.randomUUID().toString().substring(0, 6), owner.id()));
        account = json.readTree(requested.body()).get("id").asLong();
        Api.admin(port).post("/api/v1/accounts/" + account + "/decision", "{\"approve\":true}");
    }

    @AfterEach
    void stop() {
        mastodon.close();
    }

    JsonNode connect() {
        var response = Api.as(port, owner).post("/api/v1/accounts/" + account + "/connection", """
                {"connector":"mastodon","values":{"server":"%s","accessToken":"%s"}}""".formatted(
                        mastodon.baseUrl(), FakeMastodon.TOKEN));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).doesNotContain(FakeMastodon.TOKEN);
        return json.readTree(response.body());
    }

    @Test
    void connectingKeepsTheServersLimitsAndNeverShowsTheToken() {
        JsonNode connection = connect();

        assertThat(connection.get("status").asString()).isEqualTo("CONNECTED");
        assertThat(connection.get("handle").asString()).endsWith("@mastodon.example");
        assertThat(connection.at("/settings/maxCharacters").asString()).isNotBlank();
        assertThat(jdbc.sql("SELECT settings FROM network_connection WHERE account_id = ?")
                        .param(account)
                        .query(String.class)
                        .single())
                .doesNotContain(FakeMastodon.TOKEN);

        var wrongToken = Api.as(port, owner)
                .post("/api/v1/accounts/" + account + "/connection", """
                {"connector":"mastodon","values":{"server":"%s","accessToken":"nope"}}""".formatted(mastodon.baseUrl()));
        assertThat(wrongToken.statusCode()).isEqualTo(400);
        assertThat(json.readTree(wrongToken.body()).get("detail").asString()).contains("did not accept");
    }

    @Test
    void aServerThatKeepsFailingMakesTheConnectionFailingAndTheOwnerIsTold() {
        connect();
        assertThat(connections
                        .publish(account, PublishRequest.text(key(), "Fresh bread at 7"))
                        .status())
                .isEqualTo(PublishOutcome.Status.PUBLISHED);

        for (int i = 0; i < 3; i++) {
            mastodon.misbehave(
                    FakeMastodon.Misbehaviour.SERVER_ERROR,
                    FakeMastodon.Misbehaviour.SERVER_ERROR,
                    FakeMastodon.Misbehaviour.SERVER_ERROR,
                    FakeMastodon.Misbehaviour.SERVER_ERROR);
            PublishOutcome outcome = connections.publish(account, PublishRequest.text(key(), "Try " + i));
            assertThat(outcome.status()).isIn(PublishOutcome.Status.FAILED, PublishOutcome.Status.OUTCOME_UNKNOWN);
        }

        JsonNode connection = json.readTree(Api.as(port, owner)
                        .get("/api/v1/accounts/" + account + "/connection")
                        .body())
                .get("connection");
        assertThat(connection.get("status").asString()).isEqualTo("FAILING");
        assertThat(connection.get("failureMessage").asString()).isNotBlank();

        warnings.warn();
        assertThat(mailsTo(owner.email()))
                .singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).contains("failing"));
    }

    @Test
    void aTokenTheServerNoLongerAcceptsExpiresTheConnectionAndTheOwnerIsToldAtOnce() {
        connect();
        mastodon.misbehave(FakeMastodon.Misbehaviour.UNAUTHORIZED);

        PublishOutcome outcome = connections.publish(account, PublishRequest.text(key(), "Closed on Monday"));

        assertThat(outcome.reason()).isEqualTo("auth-expired");
        assertThat(json.readTree(Api.as(port, owner)
                                .get("/api/v1/accounts/" + account + "/connection")
                                .body())
                        .at("/connection/status")
                        .asString())
                .isEqualTo("EXPIRED");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(mailsTo(owner.email()))
                        .singleElement()
                        .satisfies(mail -> assertThat(mail.getSubject()).contains("expired")));
        PublishOutcome again = connections.publish(account, PublishRequest.text(key(), "again"));
        assertThat(again.reason()).isEqualTo("auth-expired");
        assertThat(again.attempts())
                .as("nothing is sent with credentials the network refused")
                .isZero();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private List<MimeMessage> mailsTo(String email) {
        return LoopbackSmtp.messagesTo(smtp, email);
    }
}
