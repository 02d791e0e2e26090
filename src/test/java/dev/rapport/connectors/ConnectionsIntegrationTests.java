package dev.rapport.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.connectors.sandbox.SandboxConnector;
import dev.rapport.connectors.spi.PublishRequest;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.TestMembers.Credentials;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Connecting accounts through the API, on the sandbox network. */
@ApplicationTest
class ConnectionsIntegrationTests {

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
    SandboxConnector sandbox;

    Credentials owner;
    Credentials lead;
    Credentials stranger;

    @BeforeEach
    void team() {
        owner = TestMembers.create(team, Role.MARKETER);
        lead = TestMembers.create(team, Role.LEAD);
        stranger = TestMembers.create(team, Role.MARKETER);
    }

    long activeAccount(String network) {
        var requested = Api.as(port, owner).post("/api/v1/accounts", """
                {"network":"%s","handle":"brand-%s","purpose":"Community","owners":[%d]}""".formatted(
                        network, UUID.randomUUID().toString().substring(0, 8), owner.id()));
        long id = json.readTree(requested.body()).get("id").asLong();
        assertThat(Api.as(port, lead)
                        .post("/api/v1/accounts/" + id + "/decision", "{\"approve\":true}")
                        .statusCode())
                .isEqualTo(200);
        return id;
    }

    JsonNode connectToSandbox(long id, Credentials as) {
        var response = Api.as(port, as).post("/api/v1/accounts/" + id + "/connection", """
                        {"connector":"sandbox","values":{"handle":"acme-sandbox"}}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void anOwnerConnectsAnAccountToTheSandboxAndItIsLabelledSimulated() {
        long id = activeAccount("weibo");
        JsonNode before = json.readTree(Api.as(port, owner)
                .get("/api/v1/accounts/" + id + "/connection")
                .body());
        assertThat(before.at("/connection/status").asString()).isEqualTo("NOT_CONNECTED");
        assertThat(before.at("/choices/0/connector").asString()).isEqualTo("sandbox");
        assertThat(before.at("/choices/0/simulated").asBoolean()).isTrue();

        JsonNode connected = connectToSandbox(id, owner);

        assertThat(connected.get("status").asString()).isEqualTo("CONNECTED");
        assertThat(connected.get("connector").asString()).isEqualTo("sandbox");
        assertThat(connected.get("simulated").asBoolean()).isTrue();
        assertThat(connected.get("handle").asString()).isEqualTo("acme-sandbox");
        // The sandbox network pushes nothing: its interactions are polled.
        JsonNode push = json.readTree(Api.as(port, owner)
                        .get("/api/v1/accounts/" + id + "/connection")
                        .body())
                .path("push");
        assertThat(push.isNull() || push.isMissingNode()).as("push: %s", push).isTrue();
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM secret WHERE account_id = ? AND kind = 'CONNECTION' AND retired_at IS NULL")
                        .param(id)
                        .query(Long.class)
                        .single())
                .as("the connection's credentials are in the vault")
                .isEqualTo(1);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> jdbc.sql(
                                        "SELECT COUNT(*) FROM audit_entry WHERE action = 'connection.connected' AND target = ?")
                                .param("account:" + id)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    @Test
    void connectionCredentialsCannotBeRevealedByAnyone() {
        long id = activeAccount("weibo");
        connectToSandbox(id, owner);
        long secretId = jdbc.sql("SELECT id FROM secret WHERE account_id = ? AND kind = 'CONNECTION'")
                .param(id)
                .query(Long.class)
                .single();

        var reveal = Api.admin(port)
                .post(
                        "/api/v1/accounts/" + id + "/secrets/" + secretId + "/reveal",
                        "{\"password\":\"" + TestMembers.ADMIN_PASSWORD + "\"}");

        assertThat(reveal.statusCode()).isEqualTo(403);
    }

    @Test
    void aMemberWithoutTheCredentialsGrantCannotConnectOrSeeTheAccount() {
        long id = activeAccount("weibo");
        var attempt = Api.as(port, stranger).post("/api/v1/accounts/" + id + "/connection", """
                        {"connector":"sandbox","values":{"handle":"mine"}}""");
        assertThat(attempt.statusCode()).isEqualTo(404);
        assertThat(Api.as(port, stranger)
                        .get("/api/v1/accounts/" + id + "/connection")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void badInputIsRefusedInTheCallersLanguageAndNothingIsSaved() {
        long id = activeAccount("weibo");
        var missing = Api.as(port, owner).language("zh-CN").post("/api/v1/accounts/" + id + "/connection", """
                        {"connector":"sandbox","values":{}}""");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json.readTree(missing.body()).get("detail").asString()).contains("请填写");

        var unknown = Api.as(port, owner).post("/api/v1/accounts/" + id + "/connection", """
                        {"connector":"bluesky","values":{"handle":"x"}}""");
        assertThat(unknown.statusCode())
                .as("a Weibo account cannot be connected with Bluesky")
                .isEqualTo(400);
        assertThat(json.readTree(Api.as(port, owner)
                                .get("/api/v1/accounts/" + id + "/connection")
                                .body())
                        .at("/connection/status")
                        .asString())
                .isEqualTo("NOT_CONNECTED");
    }

    @Test
    void aConnectedAccountPublishesAndADisconnectedOneSaysWhyNot() {
        long id = activeAccount("weibo");
        connectToSandbox(id, owner);

        PublishOutcome outcome =
                connections.publish(id, PublishRequest.text(UUID.randomUUID().toString(), "你好，沙盒"));

        assertThat(outcome.status()).isEqualTo(PublishOutcome.Status.PUBLISHED);
        assertThat(sandbox.posts())
                .anyMatch(post -> post.id().equals(outcome.receipt().remoteId()));
        assertThat(json.readTree(Api.as(port, owner)
                                .get("/api/v1/accounts/" + id + "/connection")
                                .body())
                        .at("/connection/lastSuccessAt")
                        .isNull())
                .isFalse();

        assertThat(Api.as(port, owner)
                        .delete("/api/v1/accounts/" + id + "/connection")
                        .statusCode())
                .isEqualTo(204);

        PublishOutcome after =
                connections.publish(id, PublishRequest.text(UUID.randomUUID().toString(), "again"));
        assertThat(after.status()).isEqualTo(PublishOutcome.Status.FAILED);
        assertThat(after.reason()).isEqualTo("not-connected");
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM secret WHERE account_id = ? AND kind = 'CONNECTION' AND retired_at IS NULL")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void nothingThePolicyBlocksLeavesRapportWhoeverAsks() {
        long id = activeAccount("weibo");
        connectToSandbox(id, owner);
        int before = sandbox.posts().size();

        PublishOutcome outcome =
                connections.publish(id, PublishRequest.text(UUID.randomUUID().toString(), "你们这群傻逼"));

        assertThat(outcome.status()).isEqualTo(PublishOutcome.Status.FAILED);
        assertThat(outcome.reason()).isEqualTo("blocked-by-policy");
        assertThat(outcome.message()).contains("傻逼");
        assertThat(outcome.attempts()).isZero();
        assertThat(sandbox.posts()).hasSize(before);
    }

    @Test
    void aTestPostNeedsTheCurrentPolicyAcknowledgedAndAScreenThatPasses() {
        long id = activeAccount("weibo");
        connectToSandbox(id, owner);
        var web = new dev.rapport.testing.WebSession(port);
        web.signInOnly(owner.email(), owner.password());
        web.get("/policy");
        String page = "/accounts/" + id + "/connection/test-post";

        web.post(page, java.util.Map.of("text", "Hello from an unacknowledged member " + id));
        assertThat(sandbox.posts()).noneMatch(post -> post.text().contains("unacknowledged member " + id));

        web.post("/policy/acknowledge", java.util.Map.of());
        web.get("/accounts/" + id + "/connection");
        web.post(page, java.util.Map.of("text", "What a fucking joke " + id));
        assertThat(sandbox.posts()).noneMatch(post -> post.text().contains("joke " + id));
        assertThat(web.get("/accounts/" + id + "/connection").body()).contains("social media policy does not allow");

        web.post(page, java.util.Map.of("text", "Fresh bread at 7, see you! " + id));
        assertThat(sandbox.posts()).anyMatch(post -> post.text().equals("Fresh bread at 7, see you! " + id));
    }
}
